// Lint rule "house/one-role-type": the roles are declared once, in lib/auth/roles.ts (ROLES and
// `type Role`); everything else imports them. Reports, anywhere else, a type or interface named Role,
// and a union type or array literal that lists every role (a copy that would not follow a new role).
// The role names are read from lib/auth/roles.ts, so the rule follows that file.
import fs from "node:fs";
import path from "node:path";

const ROLES_FILE = "lib/auth/roles.ts";

function declaredRoles(root) {
  const text = fs.readFileSync(path.join(root, ROLES_FILE), "utf8");
  const list = /export const ROLES = \[([^\]]*)\]/.exec(text);
  if (!list) throw new Error(`${ROLES_FILE}: no "export const ROLES = [...]" to read the roles from`);
  return [...list[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

const message = `Roles are declared once: import ROLES / type Role from ${ROLES_FILE} (lib/auth/roles) instead of restating them.`;

/** @type {import("eslint").Rule.RuleModule} */
const oneRoleType = {
  meta: { type: "problem", docs: { description: "Roles are declared once, in lib/auth/roles.ts" }, schema: [] },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join("/");
    if (file === ROLES_FILE) return {};
    const roles = declaredRoles(context.cwd);
    const listsEveryRole = (values) => roles.every((r) => values.includes(r));
    return {
      "TSTypeAliasDeclaration, TSInterfaceDeclaration"(node) {
        if (node.id.name === "Role") context.report({ node: node.id, message });
      },
      TSUnionType(node) {
        const values = node.types.filter((t) => t.type === "TSLiteralType" && typeof t.literal.value === "string").map((t) => t.literal.value);
        if (listsEveryRole(values)) context.report({ node, message });
      },
      ArrayExpression(node) {
        const values = node.elements.filter((e) => e?.type === "Literal" && typeof e.value === "string").map((e) => e.value);
        if (listsEveryRole(values)) context.report({ node, message });
      },
    };
  },
};

const plugin = { rules: { "one-role-type": oneRoleType } };
export default plugin;
