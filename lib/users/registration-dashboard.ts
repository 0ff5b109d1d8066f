// Server-side data for the login, sign-up and settings pages (pages may not import the database themselves).
import "server-only";
import type { RegistrationMode, RegistrationSettingsDto } from "../contracts/registration";
import { getDb } from "../db";
import { readRegistration, registrationDto, registrationMode } from "./registration";

export async function signupModeForPage(): Promise<RegistrationMode> {
  const { db } = await getDb();
  return registrationMode(db);
}

export async function registrationForDashboard(): Promise<RegistrationSettingsDto> {
  const { db } = await getDb();
  return registrationDto(await readRegistration(db));
}
