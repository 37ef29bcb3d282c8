import path from 'node:path';

/** Resolves next, react and react-dom from the app's own node_modules (two folders up). */
const config = { poweredByHeader: false, turbopack: { root: path.resolve(import.meta.dirname, '../..') } };

export default config;
