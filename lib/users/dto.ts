// The public shape of a user row: never the password hash or the session version.
import "server-only";
import type { UserDto } from "../contracts/users";
import type { User } from "../db/schema";

export function toUserDto(u: User): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    status: u.status,
    evaluation: u.evaluation,
    userData: u.userData ?? null,
    createdAt: u.createdAt.toISOString(),
    lastSignInAt: u.lastSignInAt ? u.lastSignInAt.toISOString() : null,
  };
}
