import { requestIp } from "@/lib/audit/record";
import { changePasswordContract } from "@/lib/contracts";
import { route } from "@/lib/http/route";
import { changeOwnPassword } from "@/lib/users/profile";

export const dynamic = "force-dynamic";

export const POST = route(changePasswordContract, async ({ body, principal, db, req }) => {
  await changeOwnPassword({ db: db.db, principal, currentPassword: body.currentPassword, newPassword: body.newPassword, ip: requestIp(req) });
  return null;
});
