/** Accounts of the e2e suite's own throwaway database (never a real deployment's). */
export const E2E_ADMIN = { email: 'e2e-admin@example.org', password: 'e2e-admin-password' };
export const E2E_EDITOR = { email: 'e2e-editor@example.org', password: 'e2e-editor-password' };
export const E2E_VIEWER = { email: 'e2e-viewer@example.org', password: 'e2e-viewer-password' };
