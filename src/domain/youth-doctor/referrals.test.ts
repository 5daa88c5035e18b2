import { describe, expect, it } from "vitest";
import { checkFeedback, checkMedicalNote, checkReferral } from "./referrals.ts";

const today = "2026-03-02";

describe("the referral to the youth doctor (domain.md §2 M@ZL, §5 consent)", () => {
  const referral = (input: Partial<Parameters<typeof checkReferral>[0]>) =>
    checkReferral(
      {
        question: "Kan zij volledig meedoen?",
        consentOn: "2026-02-20",
        referredOn: today,
        ...input,
      },
      today,
    );

  it("accepts a question with consent on or before the referral", () => {
    expect(referral({}).ok).toBe(true);
    expect(referral({ consentOn: today }).ok).toBe(true);
  });

  it("refuses an empty question, a future date and consent after the referral", () => {
    expect(referral({ question: "  " })).toMatchObject({ error: "text_required" });
    expect(referral({ referredOn: "2026-03-03" })).toMatchObject({ error: "date_in_future" });
    expect(referral({ consentOn: "2026-03-03" })).toMatchObject({ error: "date_in_future" });
    expect(referral({ referredOn: "2026-02-25", consentOn: "2026-02-26" })).toMatchObject({
      error: "consent_after_referral",
    });
    expect(referral({ consentOn: "2026-02-30" })).toMatchObject({ error: "invalid_date" });
  });
});

describe("the youth doctor's feedback and medical notes", () => {
  const open = { status: "open" as const, referredOn: "2026-02-25" };

  it("answers an open referral once, with advice, not before the referral", () => {
    const feedback = { loadCapacity: "limited" as const, advice: "Halve dagen.", givenOn: today };
    expect(checkFeedback(open, feedback, today).ok).toBe(true);
    expect(checkFeedback({ ...open, status: "answered" }, feedback, today)).toMatchObject({
      error: "already_answered",
    });
    expect(checkFeedback(open, { ...feedback, advice: "" }, today)).toMatchObject({
      error: "text_required",
    });
    expect(checkFeedback(open, { ...feedback, givenOn: "2026-02-24" }, today)).toMatchObject({
      error: "before_referral",
    });
    expect(checkFeedback(open, { ...feedback, givenOn: "2026-03-09" }, today)).toMatchObject({
      error: "date_in_future",
    });
  });

  it("keeps a note with text dated between the referral and today", () => {
    expect(checkMedicalNote(open, { text: "Spreekuur.", writtenOn: today }, today).ok).toBe(true);
    expect(checkMedicalNote(open, { text: " ", writtenOn: today }, today)).toMatchObject({
      error: "text_required",
    });
    expect(checkMedicalNote(open, { text: "x", writtenOn: "2026-02-01" }, today)).toMatchObject({
      error: "before_referral",
    });
  });
});
