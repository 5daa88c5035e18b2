/** The password of every demo account the browser tests log in with (demo-app.ts makes them). */
export const DEMO_PASSWORD = "demo-wachtwoord";
