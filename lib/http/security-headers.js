/**
 * The security headers of every response (static and dynamic pages, API, 404, errors), set once
 * in next.config.js. Plain JavaScript so the config can import it before anything is compiled.
 *
 * The Content-Security-Policy is the same for every request: lesson pages are prerendered and
 * cached, so they cannot carry a per-request nonce. Next's inline bootstrap scripts (the RSC
 * payload) and the theme script before first paint therefore need 'unsafe-inline' for scripts;
 * everything else is locked to this origin, plugins and <base> are refused, and no site may
 * frame the platform.
 */

/**
 * @param {{ dev: boolean }} mode `dev`: `next dev` (React's dev build uses eval; hot reload uses a websocket).
 * @returns {{ key: string; value: string }[]}
 */
export function securityHeaders({ dev }) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
  return [
    { key: "Content-Security-Policy", value: csp },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    // Browsers only honour it over HTTPS; a production deployment sits behind one.
    ...(dev ? [] : [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]),
  ];
}
