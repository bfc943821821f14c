import { DEV_USERS } from './dev-users';

const escape = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** The development provider's sign-in page: pick or type a seeded user; no passwords, development only. */
export function loginPage(uid: string, clientId: string, error?: string): string {
  const options = DEV_USERS.map((user) => `<option value="${user.login}">${escape(user.login)}: ${escape(user.name)} (${user.roles.join(', ')})</option>`).join(
    '',
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in (development)</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}label{display:block;margin:1rem 0 .25rem}input,select,button{font-size:1rem;padding:.4rem;width:100%;box-sizing:border-box}button{margin-top:1.5rem}.note{background:#fff3cd;padding:.75rem;border-radius:.25rem}.error{color:#b00020}</style>
</head><body>
<h1>Sign in to Work Orders</h1>
<p class="note"><strong>Development only.</strong> This is the embedded development identity provider of <code>npm start</code> and the tests: anyone may sign in as any seeded user, without a password. Production points <code>OIDC_ISSUER_URL</code> at a real issuer.</p>
<p>Signing in to <code>${escape(clientId)}</code>.</p>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="login">User</label>
<select id="login" name="login">${options}</select>
<label for="typed">Or type a login</label>
<input id="typed" name="typed" autocomplete="off" placeholder="planner, picker, receiver, clerk, merchant, sre, admin">
<label for="merchants">Merchant ids (comma-separated; required for the merchant user, optional for staff serving only some merchants)</label>
<input id="merchants" name="merchants" autocomplete="off">
<button type="submit">Sign in</button>
</form>
</body></html>`;
}
