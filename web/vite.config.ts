import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(webRoot, '..');
const apiTarget = process.env.API_PROXY_TARGET ?? `http://localhost:${process.env.API_PORT ?? 3000}`;

/**
 * The SPA. `npm run build` writes web/dist, which the server serves; `npm run dev` runs this dev server with
 * /api proxied to the Fastify server (port 3000 unless API_PORT / API_PROXY_TARGET say otherwise).
 */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    // domain/ (labels, roles) lives beside web/
    fs: { allow: [repoRoot] },
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // big libraries in their own long-cached chunks; pages are split by their lazy imports (menu.tsx)
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/,
              priority: 20,
            },
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
});
