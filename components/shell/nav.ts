// The dashboard's sections, in navigation order; `key` is the letter of the `g` + letter shortcut;
// `min` is the least role that sees the entry (the page and its API check again themselves).
export const NAV = [
  { href: "/overview", label: "Overview", key: "o", min: "viewer" },
  { href: "/indexes", label: "Indexes", key: "i", min: "viewer" },
  { href: "/hooks", label: "Webhooks", key: "w", min: "viewer" },
  { href: "/tasks", label: "Tasks", key: "t", min: "viewer" },
  { href: "/developer-tools", label: "Developer tools", key: "d", min: "member" },
  { href: "/users", label: "Users", key: "u", min: "admin" },
  { href: "/settings", label: "Settings", key: "s", min: "admin" },
  { href: "/audit", label: "Audit log", key: "a", min: "admin" },
  { href: "/profile", label: "Profile", key: "p", min: "viewer" },
  { href: "/api-reference", label: "API reference", key: "r", min: "viewer" },
] as const;
