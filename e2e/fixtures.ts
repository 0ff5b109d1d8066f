// Shared e2e data: the admin created by the setup project.
export const ADMIN = { name: "Eve Admin", email: "eve@example.com", password: "e2e-password-123" };
