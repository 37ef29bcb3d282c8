/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native/WASM packages must be loaded by Node at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'pg', 'postgres'],
  typedRoutes: false,
};

export default nextConfig;
