// Contracts of user management (Users page), invitations (invite links) and the caller's profile.
import { z } from "zod";
import { ROLES } from "../auth/roles";
import { contract } from "./define";
import { emailSchema, errorSchema, passwordSchema } from "./system";

export const roleSchema = z.enum(ROLES);

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    status: z.enum(["active", "disabled"]),
    evaluation: z.boolean().meta({ description: "Admitted for evaluation by the new-user policy webhook" }),
    userData: z.record(z.string(), z.unknown()).nullable(),
    createdAt: z.string(),
    lastSignInAt: z.string().nullable(),
  })
  .meta({ id: "User" });
export type UserDto = z.infer<typeof userSchema>;

export const inviteSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: roleSchema,
    invitedBy: z.string().meta({ description: 'A user id, a key id, or "master"' }),
    invitedByName: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
    status: z.enum(["pending", "expired"]),
  })
  .meta({ id: "Invite" });
export type InviteDto = z.infer<typeof inviteSchema>;

export const createdInviteSchema = inviteSchema
  .extend({
    token: z.string().meta({ description: "The invite token (ihi_…): shown only in this response" }),
    url: z.string().meta({ description: "The invite link to send to the invitee: shown only in this response" }),
  })
  .meta({ id: "CreatedInvite" });
export type CreatedInviteDto = z.infer<typeof createdInviteSchema>;

const nameSchema = z.string().trim().min(1, "required").max(100);

export const updateUserBody = z
  .strictObject({ role: roleSchema.optional(), status: z.enum(["active", "disabled"]).optional(), name: nameSchema.optional() })
  .refine((b) => b.role !== undefined || b.status !== undefined || b.name !== undefined, "send role, status or name")
  .meta({ id: "UpdateUserRequest" });
export type UpdateUserInput = z.infer<typeof updateUserBody>;

export const createInviteBody = z.strictObject({ email: emailSchema, role: roleSchema }).meta({ id: "CreateInviteRequest" });
export type CreateInviteInput = z.infer<typeof createInviteBody>;

const tokenSchema = z.string().min(1, "required").max(200);
export const inviteLookupBody = z.strictObject({ token: tokenSchema }).meta({ id: "InviteLookupRequest" });
export const acceptInviteBody = z
  .strictObject({ token: tokenSchema, name: nameSchema, password: passwordSchema })
  .meta({ id: "AcceptInviteRequest" });
export type AcceptInviteInput = z.infer<typeof acceptInviteBody>;

export const profileSchema = z
  .object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema, evaluation: z.boolean(), createdAt: z.string() })
  .meta({ id: "Profile" });
export type ProfileDto = z.infer<typeof profileSchema>;
export const updateProfileBody = z.strictObject({ name: nameSchema }).meta({ id: "UpdateProfileRequest" });
export const changePasswordBody = z
  .strictObject({ currentPassword: z.string().min(1, "required").max(200), newPassword: passwordSchema })
  .meta({ id: "ChangePasswordRequest" });

const admin = { session: "admin" as const, key: ["admin" as const], wholeInstance: true as const };
const userTags = ["Users"];
const idParams = z.object({ id: z.string().min(1) });
const bad = { description: "Invalid input", schema: errorSchema };
const missing = { description: "No such user", schema: errorSchema };

export const listUsersContract = contract({
  method: "get",
  path: "/api/v1/users",
  summary: "List users (admins)",
  tags: userTags,
  auth: admin,
  responses: { 200: { description: "Users", schema: z.object({ results: z.array(userSchema) }) } },
});

export const updateUserContract = contract({
  method: "patch",
  path: "/api/v1/users/{id}",
  summary: "Change a user's role, status or name; disabling ends their sessions at once",
  tags: userTags,
  auth: admin,
  params: idParams,
  body: updateUserBody,
  responses: {
    200: { description: "The updated user", schema: userSchema },
    400: bad,
    404: missing,
    409: { description: "`last_admin`: the last active admin cannot be demoted or disabled", schema: errorSchema },
  },
});

export const deleteUserContract = contract({
  method: "delete",
  path: "/api/v1/users/{id}",
  summary: "Delete a user (not yourself, not the last admin)",
  tags: userTags,
  auth: admin,
  params: idParams,
  responses: {
    200: { description: "The deleted user", schema: userSchema },
    404: missing,
    409: { description: "`last_admin` or `self`: cannot delete the last admin or yourself", schema: errorSchema },
  },
});

const inviteTags = ["Invites"];

export const listInvitesContract = contract({
  method: "get",
  path: "/api/v1/invites",
  summary: "Pending and expired invitations (never their tokens)",
  tags: inviteTags,
  auth: admin,
  responses: { 200: { description: "Invitations", schema: z.object({ results: z.array(inviteSchema) }) } },
});

export const createInviteContract = contract({
  method: "post",
  path: "/api/v1/invites",
  summary: "Invite someone by email; the link (valid 7 days) is shown only in this response",
  tags: inviteTags,
  auth: admin,
  body: createInviteBody,
  responses: {
    201: { description: "The invitation with its one-time token and link", schema: createdInviteSchema },
    400: bad,
    409: { description: "`user_exists`: a user with this email already exists", schema: errorSchema },
  },
});

export const revokeInviteContract = contract({
  method: "delete",
  path: "/api/v1/invites/{id}",
  summary: "Revoke a pending invitation (its link stops working)",
  tags: inviteTags,
  auth: admin,
  params: idParams,
  responses: { 200: { description: "The revoked invitation", schema: inviteSchema }, 404: { description: "No such pending invitation", schema: errorSchema } },
});

export const lookupInviteContract = contract({
  method: "post",
  path: "/api/v1/invites/lookup",
  summary: "What an invite link is for (public: the accept page uses it)",
  tags: inviteTags,
  auth: null,
  body: inviteLookupBody,
  responses: {
    200: { description: "The invitation", schema: z.object({ email: z.string(), role: roleSchema, expiresAt: z.string() }) },
    400: bad,
    404: { description: "`invite_not_found`: unknown, revoked or already used", schema: errorSchema },
    410: { description: "`invite_expired`", schema: errorSchema },
  },
});

export const acceptInviteContract = contract({
  method: "post",
  path: "/api/v1/invites/accept",
  summary: "Accept an invitation: creates the account with the invited role (public)",
  tags: inviteTags,
  auth: null,
  body: acceptInviteBody,
  responses: {
    201: { description: "The new user", schema: z.object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema }) },
    400: bad,
    404: { description: "`invite_not_found`", schema: errorSchema },
    409: { description: "`user_exists`: the email already has an account", schema: errorSchema },
    410: { description: "`invite_expired`", schema: errorSchema },
  },
});

const profileTags = ["Profile"];
const self = { session: "viewer" as const, key: false as const };

export const getProfileContract = contract({
  method: "get",
  path: "/api/v1/profile",
  summary: "The signed-in user's profile",
  tags: profileTags,
  auth: self,
  responses: { 200: { description: "Profile", schema: profileSchema } },
});

export const updateProfileContract = contract({
  method: "patch",
  path: "/api/v1/profile",
  summary: "Change your display name",
  tags: profileTags,
  auth: self,
  body: updateProfileBody,
  responses: { 200: { description: "Profile", schema: profileSchema }, 400: bad },
});

export const changePasswordContract = contract({
  method: "post",
  path: "/api/v1/profile/password",
  summary: "Change your password; ends every session of yours (sign in again with the new one)",
  tags: profileTags,
  auth: self,
  body: changePasswordBody,
  responses: {
    204: { description: "Changed" },
    400: { description: "Invalid input or `wrong_password`", schema: errorSchema },
    429: { description: "`too_many_attempts`: 10 wrong passwords (sign-ins included) in 15 minutes", schema: errorSchema },
  },
});
