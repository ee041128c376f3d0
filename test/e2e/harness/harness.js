/**
 * The browser tests' harness: a same-origin page that frames the app at any size and records
 * what went wrong inside it, in every engine alike. WebKitWebDriver captures no console, and
 * MiniBrowser's window will not go narrower than ~447 px; a frame has neither limit.
 *
 * The hooks go on the frame's window the moment the frame is inserted, before its navigation has
 * even started: the app's document then reuses that same window (HTML: a navigation from the
 * initial about:blank to a same-origin document keeps its Window), so they are in place before
 * the app's first script runs. `window.__hooked` on the app's window proves it for each load.
 */
/** Everything that went wrong in the framed app: uncaught errors, rejections, console errors, CSP violations. */
window.__problems = [];
/** console.warn calls, kept apart: not failures, but what a failure explains itself with. */
window.__warnings = [];

const text = (v) => (v && typeof v === 'object' && 'stack' in v ? String(v.stack) : String(v));

function hook(win) {
  const push = (kind, msg) => window.__problems.push(`${kind}: ${msg}`);
  win.__hooked = true;
  win.addEventListener('error', (e) =>
    push('uncaught', `${e.message} (${e.filename}:${e.lineno}:${e.colno})`),
  );
  win.addEventListener('unhandledrejection', (e) => push('unhandled rejection', text(e.reason)));
  // Reported at the element or document and bubbling to the window, for the frame's own policy.
  win.addEventListener('securitypolicyviolation', (e) =>
    push('csp', `${e.effectiveDirective || e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
  );
  // Whether a service worker the app registered is still starting: from register() until the
  // registration has an active worker (engines/app.ts waits for it before replacing the frame).
  const container = win.ServiceWorkerContainer?.prototype;
  if (container?.register) {
    const register = container.register;
    container.register = function (...args) {
      win.__swStarting = true;
      const registered = register.apply(this, args);
      const done = () => (win.__swStarting = false);
      registered.then(() => this.ready).then(done, done);
      return registered;
    };
  }
  const { console: c } = win;
  const error = c.error.bind(c);
  const warn = c.warn.bind(c);
  c.error = (...args) => {
    push('console.error', args.map(text).join(' '));
    error(...args);
  };
  c.warn = (...args) => {
    window.__warnings.push(args.map(text).join(' '));
    warn(...args);
  };
}

/**
 * Loads `src` (a path of the app) in a new frame of `width` × `height` CSS pixels at the page's
 * top left, replacing any frame before it: what a reload is to a reader (a new document, the
 * same origin, its service worker and storage).
 */
window.__open = (src, width, height) => {
  document.querySelector('iframe')?.remove();
  const frame = document.createElement('iframe');
  frame.title = 'app';
  frame.style.width = `${width}px`;
  frame.style.height = `${height}px`;
  frame.src = src;
  document.body.append(frame);
  hook(frame.contentWindow);
};
