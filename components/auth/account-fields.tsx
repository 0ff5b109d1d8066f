import { Field } from "@/components/ui/field";

export type AccountFieldErrors = Partial<Record<"name" | "email" | "password", string>>;

/** Name, email and a new password: the fields of first-run setup and of sign-up. */
export function AccountFields({ errors }: { errors: AccountFieldErrors }) {
  return (
    <>
      <Field id="name" name="name" label="Your name" autoComplete="name" error={errors.name} required />
      <Field id="email" name="email" type="email" label="Email" autoComplete="email" error={errors.email} required />
      <Field
        id="password"
        name="password"
        type="password"
        label="Password (8 characters or more)"
        autoComplete="new-password"
        error={errors.password}
        required
      />
    </>
  );
}
