// The local OpenID provider's pages (sign-in, consent, device code, errors): self-contained HTML, no outside resources.

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c] ?? c);

const CSS = `body{font:15px/1.45 "Segoe UI",system-ui,sans-serif;background:#f2f2f2;margin:0;color:#1b1b1b}
main{background:#fff;max-width:26rem;margin:3rem auto;padding:2rem 2.5rem;box-shadow:0 2px 6px rgba(0,0,0,.2)}
h1{font-size:1.5rem;font-weight:600;margin:0 0 1rem}.who{color:#555;font-size:.85rem;margin:0 0 1.25rem}
label{display:block;margin:.75rem 0 .25rem}input[type=text],input[type=email],input[type=password]{width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #888;font-size:1rem}
.row{display:flex;gap:.75rem;justify-content:flex-end;margin-top:1.5rem}button{font-size:1rem;padding:.45rem 1.5rem;border:1px solid #888;background:#e6e6e6;cursor:pointer}
button.primary{background:#0067b8;border-color:#0067b8;color:#fff}.error{color:#b00020}.code{font:1.4rem ui-monospace,Consolas,monospace;letter-spacing:.1em}
ul{padding-left:1.25rem}footer{color:#777;font-size:.75rem;text-align:center}`;

export function page(title: string, body: string): string {
  return [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://localhost:* http://127.0.0.1:*">`,
    `<title>${esc(title)}</title><style>${CSS}</style></head><body><main>`,
    body,
    '</main><footer>Local OpenID provider (XS4 Face Space Assistant test simulator)</footer></body></html>',
  ].join('');
}

export function loginPage(uid: string, clientName: string, error?: string, login = ''): string {
  return page(
    'Sign in',
    `<h1>Sign in</h1><p class="who">to continue to ${esc(clientName)}</p>` +
      (error ? `<p class="error" role="alert">${esc(error)}</p>` : '') +
      `<form method="post" action="/interaction/${esc(uid)}/login">` +
      `<label for="login">Email</label><input id="login" type="email" name="login" autocomplete="username" required value="${esc(login)}">` +
      `<label for="password">Password</label><input id="password" type="password" name="password" autocomplete="current-password" required>` +
      `<div class="row"><button type="submit" formaction="/interaction/${esc(uid)}/abort" formnovalidate>Cancel</button>` +
      `<button class="primary" type="submit">Sign in</button></div></form>`,
  );
}

export function consentPage(uid: string, clientName: string, user: string, scopes: string[]): string {
  return page(
    'Permissions requested',
    `<h1>Permissions requested</h1><p class="who">${esc(user)}</p>` +
      `<p>${esc(clientName)} asks to:</p><ul>${scopes.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>` +
      `<form method="post" action="/interaction/${esc(uid)}/confirm"><div class="row">` +
      `<button type="submit" formaction="/interaction/${esc(uid)}/abort">Cancel</button>` +
      `<button class="primary" type="submit">Accept</button></div></form>`,
  );
}

/** oidc-provider's device pages: `form` is its own <form> element (with the CSRF field); the buttons submit it. */
export function deviceInputPage(form: string, error?: string): string {
  return page(
    'Enter code',
    `<h1>Enter code</h1><p>Enter the code shown on the other device to allow it to sign in.</p>` +
      (error ? `<p class="error" role="alert">${esc(error)}</p>` : '') +
      // oidc-provider's form holds the code field and the CSRF token.
      form +
      `<div class="row"><button class="primary" type="submit" form="op.deviceInputForm">Next</button></div>`,
  );
}

export function deviceConfirmPage(form: string, clientName: string, userCode: string): string {
  return page(
    'Confirm sign-in',
    `<h1>Are you trying to sign in to ${esc(clientName)}?</h1>` +
      `<p>Only continue if the code below is the one shown on your device.</p><p class="code">${esc(userCode)}</p>` +
      form +
      `<div class="row"><button type="submit" form="op.deviceConfirmForm" name="abort" value="yes">Cancel</button>` +
      `<button class="primary" type="submit" form="op.deviceConfirmForm">Continue</button></div>`,
  );
}

export function deviceDonePage(clientName: string): string {
  return page(
    'Signed in',
    `<h1>You have signed in to ${esc(clientName)}</h1><p>You can close this window and return to the other device.</p>`,
  );
}

export function errorPage(error: string, description: string): string {
  return page(
    'Sign-in error',
    `<h1>Sign-in error</h1><p class="error">${esc(error)}</p><p>${esc(description)}</p>`,
  );
}
