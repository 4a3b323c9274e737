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

let [policy] = await call("GET", `policies?filter[name][_eq]=${name}&fields=id`, token);
if (!policy) {
  policy = await call("POST", "policies", token, {
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

// What sign-in is for: the organisation's own data behind it. The example screen of the app
// (app-config.json, docs/customising.md) reads "announcements" and asks for published ones.
const collections = await call("GET", "collections?fields=collection", token);
if (!collections.some((c) => c.collection === "announcements")) {
  await call("POST", "collections", token, {
    collection: "announcements",
    meta: { icon: "campaign", note: "News for customers, shown in the desktop app", sort_field: null },
    schema: {},
    fields: [
      { field: "id", type: "integer", meta: { hidden: true, readonly: true }, schema: { is_primary_key: true, has_auto_increment: true } },
      {
        field: "status", type: "string", schema: { default_value: "draft", is_nullable: false },
        meta: { interface: "select-dropdown", options: { choices: [{ text: "Published", value: "published" }, { text: "Draft", value: "draft" }] } },
      },
      { field: "title", type: "string", meta: { interface: "input", required: true }, schema: { is_nullable: false } },
      { field: "body", type: "text", meta: { interface: "input-multiline" }, schema: {} },
      { field: "published_at", type: "timestamp", meta: { interface: "datetime" }, schema: {} },
    ],
  });
  const day = (n) => new Date(Date.UTC(2026, 10, n, 9, 0, 0)).toISOString();
  await call("POST", "items/announcements", token, [
    { status: "published", published_at: day(2), title: "Welcome to the customer app", body: "Your account, your orders and our news, in one place.\n\nSign in with the email you registered with." },
    { status: "published", published_at: day(6), title: "New opening hours", body: "From December our support desk answers from 8:00 to 18:00, Monday to Friday." },
    { status: "published", published_at: day(10), title: "Invoices by email", body: "Invoices now arrive by email as PDF files. Paper invoices stop at the end of the year." },
    { status: "published", published_at: day(14), title: "Price list for 2027", body: "The new price list is ready. Prices for existing contracts do not change." },
    { status: "published", published_at: day(18), title: "Holiday closing", body: "We are closed from 24 December to 1 January. Urgent requests: call the emergency line." },
    { status: "published", published_at: day(22), title: "Security notice", body: "We will never ask for your password by email.\n\nText like <script>alert(1)</script> or <b>bold</b> is shown exactly as written." },
    { status: "published", published_at: day(26), title: "Planned maintenance on Saturday", body: "On Saturday from 06:00 to 08:00 the service is unavailable while we upgrade it.\n\nThe app signs you back in by itself afterwards." },
    { status: "draft", published_at: null, title: "Draft: not for customers yet", body: "Customers never see drafts." },
  ]);
}
const readable = await call(
  "GET",
  `permissions?filter[policy][_eq]=${policy.id}&filter[collection][_eq]=announcements&fields=id`,
  token,
);
if (readable.length === 0) {
  const read = { policy: policy.id, collection: "announcements", action: "read" };
  try {
    // Published items only, and only the fields the screen shows.
    await call("POST", "permissions", token, {
      ...read,
      fields: ["id", "title", "body", "published_at"],
      permissions: { status: { _eq: "published" } },
    });
  } catch (error) {
    // An unlicensed Directus 12 ("Core") refuses any permission with a filter or a field list
    // (403 RESOURCE_RESTRICTED): customers may then read the whole collection, drafts too, and
    // only the screen's own query keeps drafts off it.
    if (!String(error.message).includes("RESOURCE_RESTRICTED")) throw error;
    await call("POST", "permissions", token, { ...read, fields: ["*"], permissions: null });
    console.log("announcements: this server accepts no permission rules (unlicensed); customers may read every item");
  }
}

// The account screens: a customer edits their own name, changes their password and turns
// two-factor on and off (Directus writes `tfa_secret` through the user's own permission). An
// unlicensed Directus 12 accepts exactly one rule on directus_users besides "all fields, every
// user": Directus's recommended update-own-user rule, with its filter and its field list as they
// are (measured on 12.4: a shorter list, e.g. names, password and tfa_secret only, is refused
// with RESOURCE_RESTRICTED). Its list includes `email`, which the app does not offer to change.
const ownUserFields = [
  "first_name", "last_name", "email", "password", "location", "title", "description", "avatar",
  "language", "appearance", "theme_light", "theme_dark", "theme_light_overrides",
  "theme_dark_overrides", "tfa_secret",
];
// Looked up by policy only: Directus 12 answers a filter on a system collection's name with
// nothing (measured), so the rule is picked out here.
const policyRules = await call("GET", `permissions?filter[policy][_eq]=${policy.id}&fields=id,collection,action&limit=-1`, token);
if (!policyRules.some((p) => p.collection === "directus_users" && p.action === "update")) {
  await call("POST", "permissions", token, {
    policy: policy.id,
    collection: "directus_users",
    action: "update",
    fields: ownUserFields,
    permissions: { id: { _eq: "$CURRENT_USER" } },
  });
}

console.log(`configured: role ${role.id}, public registration on, verify email ${verifyEmail}`);
