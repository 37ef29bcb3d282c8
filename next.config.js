/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native/WASM packages must be loaded by Node at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'postgres', '@resvg/resvg-js'],
  typedRoutes: false,
  // CSV imports arrive as a server action upload.
  experimental: { serverActions: { bodySizeLimit: '50mb' } },
};

export default nextConfig;
