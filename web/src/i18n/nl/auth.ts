// Logging in and setting a password (features/auth).
export const authNl = {
  login: {
    title: "Inloggen",
    intro: "Log in met het e-mailadres en wachtwoord van uw account.",
    email: "E-mailadres",
    password: "Wachtwoord",
    submit: "Inloggen",
    submitting: "Bezig met inloggen…",
    errorSummaryTitle: "Controleer het formulier",
    emailRequired: "Vul uw e-mailadres in.",
    emailInvalid: "Vul een geldig e-mailadres in, zoals naam@school.nl.",
    passwordRequired: "Vul uw wachtwoord in.",
    badCredentials:
      "Het e-mailadres of het wachtwoord klopt niet. Controleer beide en probeer het opnieuw.",
    tooManyAttempts:
      "U heeft te vaak geprobeerd in te loggen. Wacht een kwartier en probeer het dan opnieuw.",
    failed: "Inloggen lukt nu niet. Probeer het later opnieuw.",
    oidcIntro:
      "Werkt u bij een organisatie die aangesloten is? Log dan in via uw eigen organisatie.",
    oidc: "Inloggen via uw organisatie",
    oidcUnknownAccount:
      "Uw organisatie heeft u herkend, maar in Aanwezig is er geen account voor u. Vraag de beheerder van Aanwezig in uw regio om een account op uw e-mailadres.",
    oidcFailed:
      "Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw, of log in met een account van Aanwezig.",
    orLocal: "Of log in met een account van Aanwezig:",
    demoTitle: "Demo-omgeving",
    demoAccounts:
      "Log in met een demo-account, bijvoorbeeld zorgcoordinator@demo.aanwezig.nl, casusregisseur@demo.aanwezig.nl, leerplicht@demo.aanwezig.nl, ouder@demo.aanwezig.nl of beleid@demo.aanwezig.nl, met het wachtwoord demo-wachtwoord.",
  },
  setPassword: {
    title: "Wachtwoord instellen",
    intro:
      "Kies een wachtwoord voor uw account: minstens 12 tekens, bijvoorbeeld een zin van een paar woorden die niet bij elkaar horen. Deze link werkt één keer.",
    password: "Nieuw wachtwoord",
    repeat: "Herhaal het wachtwoord",
    submit: "Wachtwoord instellen",
    submitting: "Bezig met opslaan…",
    passwordRequired: "Vul een wachtwoord in.",
    passwordShort: "Het wachtwoord moet minstens 12 tekens lang zijn.",
    passwordLong: "Het wachtwoord mag hoogstens 1024 tekens lang zijn.",
    mismatch: "De twee wachtwoorden zijn niet gelijk.",
    noToken:
      "Deze link is niet volledig. Open de link precies zoals u hem heeft gekregen, of vraag de beheerder om een nieuwe.",
    done: "Uw wachtwoord is ingesteld.",
    toLogin: "Naar inloggen",
    failed: "Het wachtwoord kon nu niet worden ingesteld. Probeer het later opnieuw.",
  },
};
