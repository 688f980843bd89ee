import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The web app lives in web/ and is built to web/dist, which the server serves as static files. */
const webRoot = fileURLToPath(new URL(".", import.meta.url));
const apiTarget = "http://localhost:3000";
// changeOrigin stays false: the server's CSRF check compares Origin with Host, which must both be the
// dev server's address.
const apiProxy = {
  "/api": { target: apiTarget, changeOrigin: false },
  "/healthz": { target: apiTarget, changeOrigin: false },
};

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Stable, named vendor chunks: they change less often than the app and stay cached.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/ },
            { name: "mantine", test: /node_modules[\\/](@mantine|@floating-ui|clsx|react-remove-scroll|react-remove-scroll-bar|react-style-singleton|react-number-format|react-textarea-autosize|use-callback-ref|use-sidecar|use-isomorphic-layout-effect|use-composed-ref|use-latest|get-nonce|detect-node-es|tslib)[\\/]/ },
            { name: "vendor", test: /node_modules/ },
          ],
        },
      },
    },
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
});
