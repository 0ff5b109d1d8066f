// The dashboard's sections, in navigation order; `key` is the letter of the `g` + letter shortcut.
export const NAV = [
  { href: "/overview", label: "Overview", key: "o" },
  { href: "/indexes", label: "Indexes", key: "i" },
  { href: "/hooks", label: "Webhooks", key: "w" },
  { href: "/tasks", label: "Tasks", key: "t" },
  { href: "/developer-tools", label: "Developer tools", key: "d" },
  { href: "/users", label: "Users", key: "u" },
  { href: "/settings", label: "Settings", key: "s" },
  { href: "/api-reference", label: "API reference", key: "r" },
] as const;
