// Configures a freshly bootstrapped local Directus through its REST API, the way an organisation
// would configure its own: a "Customer" role and policy without app access, and public
// registration into that role with email verification. Safe to run again: it looks before it
// creates. Run with Node 22: `node directus-configure.mjs` with DIRECTUS_URL, ADMIN_EMAIL and
// ADMIN_PASSWORD set.

const base = process.env.DIRECTUS_URL.replace(/\/?$/, "/");
const verifyEmail = (process.env.REGISTRATION_VERIFY_EMAIL ?? "true") === "true";

async function call(method, path, token, body) {
  const response = await fetch(new URL(path, base), {
    method,
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    // Only the error codes: bodies can echo what was sent.
    let codes = "";
    try {
      codes = JSON.parse(text).errors.map((e) => e.extensions?.code).join(", ");
    } catch {}
    throw new Error(`${method} ${path} answered ${response.status} ${codes}`);
  }
  return text ? JSON.parse(text).data : null;
}

const { access_token: token } = await call("POST", "auth/login", null, {
  email: process.env.ADMIN_EMAIL,
  password: process.env.ADMIN_PASSWORD,
});

// The admin's static token (ADMIN_TOKEN only takes effect when bootstrap creates the admin, so
// an older database gets it here): set-up code in tests uses it, as 5-second test access tokens
// would expire under it.
if (process.env.ADMIN_TOKEN) {
  await call("PATCH", "users/me", token, { token: process.env.ADMIN_TOKEN });
}

const name = "Customer";
let [role] = await call("GET", `roles?filter[name][_eq]=${name}&fields=id`, token);
if (!role) {
  role = await call("POST", "roles", token, { name, icon: "person", description: "Customers who sign up from the desktop app" });
}

const [policy] = await call("GET", `policies?filter[name][_eq]=${name}&fields=id`, token);
if (!policy) {
  await call("POST", "policies", token, {
    name,
    icon: "person",
    description: "No Data Studio access; customers use the desktop app",
    app_access: false,
    admin_access: false,
    roles: [{ role: role.id }],
  });
}

await call("PATCH", "settings", token, {
  project_name: process.env.PROJECT_NAME ?? "Directus Desktop (local)",
  public_registration: true,
  public_registration_role: role.id,
  public_registration_verify_email: verifyEmail,
});

console.log(`configured: role ${role.id}, public registration on, verify email ${verifyEmail}`);
