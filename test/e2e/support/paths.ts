import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const WEB_DIR = `${REPO_ROOT}web`;
export const WEB_DIST = `${WEB_DIR}/dist`;
