// Generated from the server's /openapi.json by scripts/generate-client.ts (npm run client:generate). Do not edit.
export interface paths {
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public keys (JWKS) that verify access tokens */
        get: operations["getWellKnownJwksJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/archives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Archived ranges of the log (one immutable JSON Lines object each), oldest first */
        get: operations["getAuditArchives"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Signed checkpoints of the chain head, newest first */
        get: operations["getAuditCheckpoints"];
        put?: never;
        /** Signs a checkpoint of the chain head now (the job does it every minute); nothing new → nothing signed */
        post: operations["postAuditCheckpoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit entries that concern a resource (order, prescription, patient, shipment…) */
        get: operations["getAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page of the log as JSON Lines (header, entries, checkpoints) for archiving and independent verification (npm run audit:verify) */
        get: operations["getAuditExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/proof": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Proof that an entry is in the log unchanged: the chain segment from it to the first signed checkpoint after it
         * @description Name the entry by event_id, by seq, or both (then the entry must have both, else 404); neither is a 422 proof-entry-required.
         */
        get: operations["getAuditProof"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/public-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Ed25519 public keys (JWK Set) that sign audit checkpoints, the current one first */
        get: operations["getAuditPublicKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Re-computes the hash chain and says whether it is intact */
        get: operations["getAuditVerify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Signs in with e-mail and password → an access token, {mfa_required, mfa_token} when a second factor is enrolled, or {mfa_enrolment_required, enrolment_token} for staff who must enrol one first */
        post: operations["postAuthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Signs out: the refresh token and every token rotated from the same sign-in are revoked → 204 */
        post: operations["postAuthLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/mfa/enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Staff enrolment at sign-in, step 1: the enrolment token → 201 {secret, otpauth_uri} for the authenticator app */
        post: operations["postAuthMfaEnrol"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/mfa/enrol/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Staff enrolment at sign-in, step 2: the first code puts the factor in force → an access token with the second factor, and recovery codes (shown once) */
        post: operations["postAuthMfaEnrolActivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/mfa/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issues new recovery codes (the old ones stop working) for an account with a second factor */
        post: operations["postAuthMfaRecoveryCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/mfa/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Starts TOTP enrolment for the signed-in account → 201 {secret, otpauth_uri} */
        post: operations["postAuthMfaTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/mfa/totp/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirms TOTP enrolment with a first code; later sign-ins ask for the code */
        post: operations["postAuthMfaTotpActivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/mfa/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Completes a sign-in with the authenticator code (RFC 6238 TOTP) → an access token */
        post: operations["postAuthMfaVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Changes the signed-in account’s password, proving the current one → 204; every session of the account ends */
        post: operations["postAuthPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Asks for a password-reset e-mail → 202 whether or not an account has the address (the e-mail goes to that mailbox only); 429 with Retry-After when throttled */
        post: operations["postAuthPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password/reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sets a new password with the e-mailed token → 204; every session of the account ends; 422 invalid-reset-token for an unknown, used or expired token */
        post: operations["postAuthPasswordResetConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/signing-keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotates the token-signing keys: a successor published now that signs in 10 minutes; with {compromised: true} it signs at once and every other key is retired (their tokens stop verifying) */
        post: operations["postAuthSigningKeysRotate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/token/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchanges a refresh token for a new access token and the next refresh token (single use; a reused one ends the sign-in) */
        post: operations["postAuthTokenRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's cart with its totals */
        get: operations["getCart"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cart/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Places the order: reserves the stock and takes the payment (Idempotency-Key required)
         * @description A saga: the order is placed, the stock held, the payment authorised and (when every prescription is verified) captured. Any refusal cancels the order and gives back what was taken. The same Idempotency-Key with the same body answers the first checkout again (Idempotent-Replayed: true); with another body it is a 422.
         */
        post: operations["postCartCheckout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cart/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Puts a drug in the cart (one line per drug; a prescription-only drug needs a verified prescription) */
        post: operations["postCartItems"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cart/items/{drugId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Takes a drug out of the cart */
        delete: operations["deleteCartItemsByDrugId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/catalog/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Imports the shipped drug and interaction files; unchanged files are skipped unless force
         * @description The body is required: a JSON object, `{}` or `{"force": true}`. The import runs beside the API (its statements yield to other requests); requests that read the catalog wait for its transaction.
         */
        post: operations["postCatalogImports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliveries/{shipmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A shipment with its tracking history (its patient, its driver, pharmacy staff) */
        get: operations["getDeliveriesByShipmentId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliveries/{shipmentId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a shipment status (assigned driver or admin with a token, or a carrier signed call with message_id)
         * @description A carrier signs the raw body (Apotheca-Signature) and sends message_id: each message is processed once, a repeat gets the first answer; the same signed delivery sent again, however its header is written, is 409 webhook-replayed. A report older than the status in force is kept without moving it back (200 with the current status).
         */
        post: operations["postDeliveriesByShipmentIdStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/drivers/me/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * The signed-in driver goes on or off duty, optionally with their location
         * @description A driver account delivery has not registered yet (its identity event not received) is a 404.
         */
        put: operations["putDriversMeAvailability"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/drivers/me/shipments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in driver's open shipments */
        get: operations["getDriversMeShipments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/drugs/{drugId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One drug: NDC, ingredients, form, schedule, price */
        get: operations["getDrugsByDrugId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/drugs/{drugId}/equivalents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Generic equivalents: other packages with the same ingredients, strength, dosage form and route, cheapest first */
        get: operations["getDrugsByDrugIdEquivalents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/drugs/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search drugs by name (ranked, typo-tolerant), NDC in any form, ingredient, or RxNorm concept (best product to dispense first); filters and paging
         * @description Give at least one of q, ndc, ingredient or rxcui (none: 422 search-criterion-required). A 12-digit NDC is a UPC-A barcode: one whose check digit fails finds nothing.
         */
        get: operations["getDrugsSearch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Database and event bus reachable */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up (asks no dependency) */
        get: operations["getHealthLive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/interactions/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Checks 2–50 drugs pairwise for interactions by active ingredient and by ONC drug class (ATC); each pair once, highest severity. With patient_id, drug_ids are 1–50 candidates checked against each other and against the patient's active medicines (from prescriptions; history left out); such a pair names the candidate first and the medicine second, with existing_drug_id and existing_prescription_ids. A patient may ask only for themself, a practitioner only for a patient they prescribed for (else 404); prescriptions unavailable → 503 */
        post: operations["postInteractionsCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/{drugId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A drug's stock: on hand, reserved, available, and every batch first-expiry-first */
        get: operations["getInventoryByDrugId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/{drugId}/adjust": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Adjusts one batch: receive (creates it), dispense, damage, expire, count, quarantine, release or recall; never below what is reserved
         * @description A count of a controlled substance is only recorded (202) until a second staff member confirms it. If-Match (or version) makes the change conditional on the batch version (412 when it moved); the same Idempotency-Key with the same body answers the first change again.
         */
        put: operations["putInventoryByDrugIdAdjust"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/{drugId}/recall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recalls a lot at every location: its batches are blocked for good; the event names open orders holding it and patients supplied from it */
        post: operations["postInventoryByDrugIdRecall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/{drugId}/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A controlled substance's perpetual inventory: balance per location and every change with its running balance */
        get: operations["getInventoryByDrugIdRegister"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/{drugId}/reorder-point": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Sets a drug's reorder point at a location (default location when none is named); the alert job announces each dip to or below it */
        put: operations["putInventoryByDrugIdReorderPoint"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/adjustments/{adjustmentId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A second staff member confirms a pending count of a controlled substance, which applies it; its requester cannot */
        post: operations["postInventoryAdjustmentsByAdjustmentIdConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inventory/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether each drug is in stock and how many units could be reserved, eventually consistent (refreshed every few seconds) */
        get: operations["getInventoryAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{orderId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancels an order before it ships: the stock is released and the payment voided or refunded */
        post: operations["postOrdersByOrderIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{orderId}/fulfil": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Starts dispensing a paid order: inventory picks it first-expiry-first, delivery ships it */
        post: operations["postOrdersByOrderIdFulfil"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{orderId}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refunds a captured order (paid, or delivered and returned): the money goes back, an unpicked hold is released */
        post: operations["postOrdersByOrderIdRefund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{orderId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order's status, payment, shipment and history (its patient, or pharmacy staff) */
        get: operations["getOrdersByOrderIdStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/signing-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public key (JWK, Ed25519) that order confirmations are signed with */
        get: operations["getOrdersSigningKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{patientId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Erases the patient (crypto-shredding of their data key) → 202 {status: 'erased'} */
        delete: operations["deletePatientsByPatientId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{patientId}/allergies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A patient's allergies, from FHIR AllergyIntolerance or entered by hand (patients: their own; practitioners: patients they prescribed for) */
        get: operations["getPatientsByPatientIdAllergies"];
        put?: never;
        /** Records an allergy of a patient (the patient themself, a practitioner who prescribed for them, a pharmacist); reviews check new prescriptions against it */
        post: operations["postPatientsByPatientIdAllergies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{patientId}/consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's consent preferences and every change to them (the patient, or admin with MFA) */
        get: operations["getPatientsByPatientIdConsent"];
        /** Gives or withdraws consents (only those named change); each change is kept in the history and audited */
        put: operations["putPatientsByPatientIdConsent"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{patientId}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's data (GDPR export): JSON, or a FHIR R4 Bundle with Accept: application/fhir+json */
        get: operations["getPatientsByPatientIdExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/{patientId}/prescriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A patient's prescriptions with their status history (patients: their own; practitioners: those they prescribed) */
        get: operations["getPatientsByPatientIdPrescriptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/patients/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Registers a patient (201 {patient_id}); a taken e-mail is a 409 */
        post: operations["postPatientsRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/prescriptions/{prescriptionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One prescription with its status history (patients: their own; practitioners: those they prescribed; pharmacy staff: any) */
        get: operations["getPrescriptionsByPrescriptionId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/prescriptions/{prescriptionId}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The uploaded document of a prescription, as uploaded, with its SHA-256 (the patient their own; pharmacy staff) */
        get: operations["getPrescriptionsByPrescriptionIdDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/prescriptions/{prescriptionId}/transcribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A pharmacist transcribes a prescription in review (an upload): its fields are set and it is reviewed again */
        post: operations["postPrescriptionsByPrescriptionIdTranscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/prescriptions/{prescriptionId}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A pharmacist approves (verified, signed) or rejects a prescription in review; controlled substances need a fresh second factor */
        post: operations["postPrescriptionsByPrescriptionIdVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/prescriptions/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pharmacist's queue: prescriptions in review, oldest first, with notes on what could not be resolved */
        get: operations["getPrescriptionsQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/prescriptions/signing-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Ed25519 public keys verified prescriptions are signed with */
        get: operations["getPrescriptionsSigningKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/prescriptions/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a prescription: JSON, FHIR R4 MedicationRequest/AllergyIntolerance/Bundle (application/fhir+json), NCPDP SCRIPT NewRx (application/xml), or a patient's own scan as the raw body (application/pdf, image/jpeg, image/png)
         * @description JSON and uploads answer 201 {prescription_id, status}. A FHIR MedicationRequest or NCPDP NewRx answers 201 with notes on what could not be resolved (200 duplicate for a resent NewRx); a lone AllergyIntolerance answers the allergy, a Bundle both lists. An NCPDP CancelRx, RxRenewalResponse or RxChangeResponse answers what it did: 200, or 202 when kept for a pharmacist. The e-prescribing network may sign the call (Apotheca-Signature) instead of sending a token.
         */
        post: operations["postPrescriptionsSubmit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/prescriptions/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A patient uploads a prescription (PDF, JPEG or PNG as base64, at most 700 KiB; type checked by content); a pharmacist transcribes it */
        post: operations["postPrescriptionsUploads"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Creates a staff account (pharmacist, technician, driver, admin, auditor, practitioner) → 201 {account_id} */
        post: operations["postStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/epcs/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Status of an e-prescription from the e-prescribing network (signed); processed once per message_id */
        post: operations["postWebhooksEpcsStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Payment provider events (Stripe-Signature checked by the stripe package); each event id is processed once
         * @description Every signed event is acknowledged with 200 and what it did, including events about intents that are not ours (unknown_intent: nothing changes), so that the provider stops retrying them. The same signed delivery sent again is a 409 webhook-replayed; the provider re-signs its retries, which are answered duplicate.
         */
        post: operations["postWebhooksPayments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getWellKnownJwksJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: {
                            /** @constant */
                            alg: "EdDSA";
                            /** @constant */
                            crv: "Ed25519";
                            kid: string;
                            /** @constant */
                            kty: "OKP";
                            /** @constant */
                            use: "sig";
                            x: string;
                        }[];
                    };
                };
            };
        };
    };
    getAuditArchives: {
        parameters: {
            query?: {
                /** @description Ranges that end after this seq (next_after_seq continues) */
                after_seq?: number;
                /** @description At most this many ranges (default 100) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        next_after_seq: number | null;
                        ranges: {
                            /** Format: date-time */
                            archived_at: string;
                            bytes: number;
                            checkpoint_hash: string;
                            from_seq: number;
                            object_key: string;
                            sha256: string;
                            store: string;
                            to_seq: number;
                        }[];
                    };
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
        };
    };
    getAuditCheckpoints: {
        parameters: {
            query?: {
                /** @description Checkpoints before this seq (next_before_seq continues) */
                before_seq?: number;
                /** @description At most this many checkpoints (default 100) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checkpoints: {
                            /** @constant */
                            algorithm: "Ed25519";
                            /** Format: date-time */
                            at: string;
                            hash: string;
                            key_id: string;
                            seq: number;
                            /** @description Ed25519, base64url, over the canonical JSON of {type, seq, hash, at, key_id} */
                            signature: string;
                        }[];
                        next_before_seq: number | null;
                    };
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
        };
    };
    postAuditCheckpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Nothing new to sign (signed is empty), or the chain is broken (broken_at_seq) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        broken_at_seq: number | null;
                        signed: {
                            /** @constant */
                            algorithm: "Ed25519";
                            /** Format: date-time */
                            at: string;
                            hash: string;
                            key_id: string;
                            seq: number;
                            /** @description Ed25519, base64url, over the canonical JSON of {type, seq, hash, at, key_id} */
                            signature: string;
                        }[];
                    };
                };
            };
            /** @description Signed one checkpoint or more */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        broken_at_seq: number | null;
                        signed: {
                            /** @constant */
                            algorithm: "Ed25519";
                            /** Format: date-time */
                            at: string;
                            hash: string;
                            key_id: string;
                            seq: number;
                            /** @description Ed25519, base64url, over the canonical JSON of {type, seq, hash, at, key_id} */
                            signature: string;
                        }[];
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
        };
    };
    getAuditEvents: {
        parameters: {
            query: {
                /** @description At most this many entries, oldest first (default 200) */
                limit?: number;
                /**
                 * @description An order, prescription, patient, shipment… id
                 * @example 3f2c8a1e-5b7d-4e9f-a0b1-c2d3e4f5a6b7
                 */
                resource_id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: {
                            actor: string | null;
                            details: {
                                [key: string]: unknown;
                            };
                            /** Format: uuid */
                            event_id: string;
                            event_type: string;
                            hash: string;
                            /** Format: date-time */
                            occurred_at: string;
                            prev_hash: string;
                            /** Format: date-time */
                            recorded_at: string;
                            resource_id: string;
                            resource_ids: string[];
                            seq: number;
                        }[];
                    };
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
        };
    };
    getAuditExport: {
        parameters: {
            query?: {
                /** @description The first seq of the page (default 1) */
                from_seq?: number;
                /** @description At most this many entries (default 5000) */
                limit?: number;
                /** @description The last seq wanted (default: the head); before from_seq, the page is empty */
                to_seq?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description attachment; filename="audit-<from>-<to>.jsonl" */
                    "content-disposition": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
        };
    };
    getAuditProof: {
        parameters: {
            query?: {
                /** @description The entry of this event (this, seq, or both) */
                event_id?: string;
                /** @description The entry at this seq (this, event_id, or both) */
                seq?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checkpoint: {
                            /** @constant */
                            algorithm: "Ed25519";
                            /** Format: date-time */
                            at: string;
                            hash: string;
                            key_id: string;
                            seq: number;
                            /** @description Ed25519, base64url, over the canonical JSON of {type, seq, hash, at, key_id} */
                            signature: string;
                        };
                        entry: {
                            actor: string | null;
                            details: {
                                [key: string]: unknown;
                            };
                            /** Format: uuid */
                            event_id: string;
                            event_type: string;
                            hash: string;
                            /** Format: date-time */
                            occurred_at: string;
                            prev_hash: string;
                            /** Format: date-time */
                            recorded_at: string;
                            resource_id: string;
                            resource_ids: string[];
                            seq: number;
                        };
                        how_to_verify: string;
                        key: {
                            alg?: string;
                            /** @constant */
                            crv: "Ed25519";
                            kid?: string;
                            /** @constant */
                            kty: "OKP";
                            use?: string;
                            x: string;
                        } | null;
                        segment: {
                            actor: string | null;
                            details: {
                                [key: string]: unknown;
                            };
                            /** Format: uuid */
                            event_id: string;
                            event_type: string;
                            hash: string;
                            /** Format: date-time */
                            occurred_at: string;
                            prev_hash: string;
                            /** Format: date-time */
                            recorded_at: string;
                            resource_id: string;
                            resource_ids: string[];
                            seq: number;
                        }[];
                    };
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description not-yet-checkpointed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-yet-checkpointed";
                    };
                };
            };
            /** @description proof-entry-required */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 422;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/proof-entry-required";
                    };
                };
            };
        };
    };
    getAuditPublicKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: {
                            alg?: string;
                            /** @constant */
                            crv: "Ed25519";
                            kid?: string;
                            /** @constant */
                            kty: "OKP";
                            use?: string;
                            x: string;
                        }[];
                    };
                };
            };
        };
    };
    getAuditVerify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        broken_at_seq: null;
                        checkpoints: number;
                        entries: number;
                        head_hash: string;
                        last_checkpoint_seq: number | null;
                        /** @constant */
                        valid: true;
                        /** Format: date-time */
                        verified_at: string;
                    } | {
                        broken_at_seq: number;
                        checkpoints: number;
                        entries: number;
                        head_hash: string;
                        last_checkpoint_seq: number | null;
                        reason: string;
                        /** @constant */
                        valid: false;
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
        };
    };
    postAuthLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A signed JWT (EdDSA) */
                        access_token: string;
                        expires_in: number;
                        /** @description Single use: exchanged at POST /auth/token/refresh for the next pair */
                        refresh_token: string;
                        /** @constant */
                        token_type: "Bearer";
                    } | {
                        expires_in: number;
                        /** @constant */
                        mfa_required: true;
                        /** @description A signed JWT (EdDSA) */
                        mfa_token: string;
                    } | {
                        /** @description A signed JWT (EdDSA) */
                        enrolment_token: string;
                        expires_in: number;
                        /** @constant */
                        mfa_enrolment_required: true;
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description invalid-credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/invalid-credentials";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
            /** @description too-many-attempts */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 429;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/too-many-attempts";
                    };
                };
            };
        };
    };
    postAuthLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refresh_token: string;
                };
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
        };
    };
    postAuthMfaEnrol: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    enrolment_token: string;
                };
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        otpauth_uri: string;
                        secret: string;
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description enrolment-expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/enrolment-expired";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description mfa-already-enabled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/mfa-already-enabled";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
        };
    };
    postAuthMfaEnrolActivate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example 123456 */
                    code: string;
                    enrolment_token: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A signed JWT (EdDSA) */
                        access_token: string;
                        expires_in: number;
                        /** @description Shown once; each signs in once */
                        recovery_codes: string[];
                        /** @description Single use: exchanged at POST /auth/token/refresh for the next pair */
                        refresh_token: string;
                        /** @constant */
                        token_type: "Bearer";
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description enrolment-expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/enrolment-expired";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description mfa-already-enabled, mfa-not-started */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/mfa-already-enabled" | "https://apotheca.dev/problems/mfa-not-started";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
            /** @description invalid-code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 422;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/invalid-code";
                    };
                };
            };
        };
    };
    postAuthMfaRecoveryCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Shown once; each signs in once */
                        recovery_codes: string[];
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role, mfa-required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/mfa-required" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description mfa-not-enabled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/mfa-not-enabled";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
        };
    };
    postAuthMfaTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        otpauth_uri: string;
                        secret: string;
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description mfa-already-enabled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/mfa-already-enabled";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
        };
    };
    postAuthMfaTotpActivate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example 123456 */
                    code: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        mfa_enabled: true;
                        /** @description Shown once; each signs in once */
                        recovery_codes: string[];
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description mfa-already-enabled, mfa-not-started */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/mfa-already-enabled" | "https://apotheca.dev/problems/mfa-not-started";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
            /** @description invalid-code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 422;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/invalid-code";
                    };
                };
            };
        };
    };
    postAuthMfaVerify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example 123456 */
                    code: string;
                    mfa_token: string;
                } | {
                    mfa_token: string;
                    recovery_code: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A signed JWT (EdDSA) */
                        access_token: string;
                        expires_in: number;
                        /** @description Single use: exchanged at POST /auth/token/refresh for the next pair */
                        refresh_token: string;
                        /** @constant */
                        token_type: "Bearer";
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description mfa-expired, invalid-code */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/invalid-code" | "https://apotheca.dev/problems/mfa-expired";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
        };
    };
    postAuthPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    current_password: string;
                    /**
                     * @description 12 to 128 characters, at least 4 different ones, and not one of the common passwords attackers try first (in any case)
                     * @example Correct-Horse-Battery-9
                     */
                    new_password: string;
                };
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role, invalid-credentials */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/invalid-credentials" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
            /** @description password-unchanged */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 422;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/password-unchanged";
                    };
                };
            };
            /** @description too-many-attempts */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 429;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/too-many-attempts";
                    };
                };
            };
        };
    };
    postAuthPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                };
            };
        };
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "accepted";
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
            /** @description too-many-attempts */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 429;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/too-many-attempts";
                    };
                };
            };
        };
    };
    postAuthPasswordResetConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description 12 to 128 characters, at least 4 different ones, and not one of the common passwords attackers try first (in any case)
                     * @example Correct-Horse-Battery-9
                     */
                    new_password: string;
                    token: string;
                };
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
            /** @description invalid-reset-token */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 422;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/invalid-reset-token";
                    };
                };
            };
        };
    };
    postAuthSigningKeysRotate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default false */
                    compromised?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        activates_at: string | null;
                        kid: string | null;
                        /** @enum {string} */
                        reason: "scheduled" | "requested" | "compromised";
                        retired: string[];
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role, mfa-required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/mfa-required" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
        };
    };
    postAuthTokenRefresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refresh_token: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A signed JWT (EdDSA) */
                        access_token: string;
                        expires_in: number;
                        /** @description Single use: exchanged at POST /auth/token/refresh for the next pair */
                        refresh_token: string;
                        /** @constant */
                        token_type: "Bearer";
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description invalid-refresh-token, refresh-token-reused */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/invalid-refresh-token" | "https://apotheca.dev/problems/refresh-token-reused";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
        };
    };
    getCart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        currency: "USD";
                        items: {
                            currency: string;
                            /** Format: uuid */
                            drug_id: string;
                            /** @description Integer minor units (cents) */
                            line_total: number;
                            name: string;
                            prescription_id: string | null;
                            quantity: number;
                            rx_only: boolean;
                            /** @description Integer minor units (cents) */
                            unit_price: number;
                        }[];
                        /** @description Integer minor units (cents) */
                        shipping: number;
                        /** @description Integer minor units (cents) */
                        subtotal: number;
                        /** @description Integer minor units (cents) */
                        tax: number;
                        /** @description Integer minor units (cents) */
                        total_amount: number;
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
        };
    };
    postCartCheckout: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description A new unique key per checkout (a UUID), the same key to retry it
                 * @example 0f8c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b
                 */
                "idempotency-key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    payment_method: string;
                    shipping_address?: {
                        city: string;
                        /** @constant */
                        country: "US";
                        line1: string;
                        line2?: string | null;
                        postal_code: string;
                        state: string;
                    };
                };
            };
        };
        responses: {
            /** @description The order (paid, or awaiting_verification while a prescription is reviewed) */
            201: {
                headers: {
                    /** @description `true` when this answers an earlier checkout with the same key */
                    "idempotent-replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        currency: string;
                        /** Format: uuid */
                        order_id: string;
                        /** @enum {string} */
                        order_status: "pending" | "awaiting_verification" | "paid" | "fulfilling" | "shipped" | "delivered" | "cancelled" | "refunded";
                        /** @enum {string} */
                        payment_status: "pending" | "authorized" | "captured" | "failed" | "voided" | "refunded";
                        /** @description Integer minor units (cents) */
                        total_amount: number;
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description payment-declined, payment-authentication-required, payment-method-invalid */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 402;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/payment-authentication-required" | "https://apotheca.dev/problems/payment-declined" | "https://apotheca.dev/problems/payment-method-invalid";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description prescription-expired, prescription-not-verified, prescription-not-dispensable, cart-empty, checkout-in-progress, prescription-in-use, out-of-stock, reservation-expired, order-cancelled, request-in-progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/cart-empty" | "https://apotheca.dev/problems/checkout-in-progress" | "https://apotheca.dev/problems/order-cancelled" | "https://apotheca.dev/problems/out-of-stock" | "https://apotheca.dev/problems/prescription-expired" | "https://apotheca.dev/problems/prescription-in-use" | "https://apotheca.dev/problems/prescription-not-dispensable" | "https://apotheca.dev/problems/prescription-not-verified" | "https://apotheca.dev/problems/request-in-progress" | "https://apotheca.dev/problems/reservation-expired";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
            /** @description currency-not-supported, prescription-required, quantity-limit-exceeded, prescription-drug-mismatch, quantity-exceeds-prescription, reservation-refused, idempotency-key-reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 422;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/currency-not-supported" | "https://apotheca.dev/problems/idempotency-key-reused" | "https://apotheca.dev/problems/prescription-drug-mismatch" | "https://apotheca.dev/problems/prescription-required" | "https://apotheca.dev/problems/quantity-exceeds-prescription" | "https://apotheca.dev/problems/quantity-limit-exceeded" | "https://apotheca.dev/problems/reservation-refused";
                    };
                };
            };
        };
    };
    postCartItems: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    drug_id: string;
                    /** @description A verified prescription of the patient's for this drug (prescription-only drugs) */
                    prescription_id?: string | null;
                    quantity: number;
                };
            };
        };
        responses: {
            /** @description The line is set (a drug already there takes the new quantity) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        currency: "USD";
                        items: {
                            currency: string;
                            /** Format: uuid */
                            drug_id: string;
                            /** @description Integer minor units (cents) */
                            line_total: number;
                            name: string;
                            prescription_id: string | null;
                            quantity: number;
                            rx_only: boolean;
                            /** @description Integer minor units (cents) */
                            unit_price: number;
                        }[];
                        /** @description Integer minor units (cents) */
                        shipping: number;
                        /** @description Integer minor units (cents) */
                        subtotal: number;
                        /** @description Integer minor units (cents) */
                        tax: number;
                        /** @description Integer minor units (cents) */
                        total_amount: number;
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description prescription-expired, prescription-not-verified, prescription-not-dispensable */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/prescription-expired" | "https://apotheca.dev/problems/prescription-not-dispensable" | "https://apotheca.dev/problems/prescription-not-verified";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
            /** @description currency-not-supported, prescription-required, quantity-limit-exceeded, prescription-drug-mismatch, quantity-exceeds-prescription, unknown-drug */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 422;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/currency-not-supported" | "https://apotheca.dev/problems/prescription-drug-mismatch" | "https://apotheca.dev/problems/prescription-required" | "https://apotheca.dev/problems/quantity-exceeds-prescription" | "https://apotheca.dev/problems/quantity-limit-exceeded" | "https://apotheca.dev/problems/unknown-drug";
                    };
                };
            };
        };
    };
    deleteCartItemsByDrugId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                drugId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        currency: "USD";
                        items: {
                            currency: string;
                            /** Format: uuid */
                            drug_id: string;
                            /** @description Integer minor units (cents) */
                            line_total: number;
                            name: string;
                            prescription_id: string | null;
                            quantity: number;
                            rx_only: boolean;
                            /** @description Integer minor units (cents) */
                            unit_price: number;
                        }[];
                        /** @description Integer minor units (cents) */
                        shipping: number;
                        /** @description Integer minor units (cents) */
                        subtotal: number;
                        /** @description Integer minor units (cents) */
                        tax: number;
                        /** @description Integer minor units (cents) */
                        total_amount: number;
                    };
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
        };
    };
    postCatalogImports: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Re-import even the files whose sha256 equals their last import (default false)
                     * @default false
                     */
                    force?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        imports: {
                            import_id: string | null;
                            ms: number;
                            rows_read: number;
                            sha256: string;
                            skipped: number;
                            source: string;
                            /** @enum {string} */
                            status: "imported" | "unchanged";
                            upserted: number;
                        }[];
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
        };
    };
    getDeliveriesByShipmentId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 5b3e9f2a-1c4d-4e6f-8a7b-9c0d1e2f3a4b */
                shipmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description apotheca-fleet for our own drivers */
                        carrier: string;
                        /** Format: date-time */
                        created_at: string;
                        /** @description The centroid of the patient's ZIP code; null when unknown (routed by hand) */
                        destination: {
                            lat: number;
                            lng: number;
                        } | null;
                        driver_id: string | null;
                        estimated_delivery_at: string | null;
                        events: {
                            /** @description false: older than the status in force, kept without moving it back */
                            applied: boolean;
                            location: {
                                lat: number;
                                lng: number;
                            } | null;
                            /** Format: date-time */
                            occurred_at: string;
                            proof: {
                                note?: string;
                                photo_sha256?: string;
                                recipient_name?: string;
                                signature_svg?: string;
                            } | null;
                            /** Format: date-time */
                            recorded_at: string;
                            /** @enum {string} */
                            source: "system" | "driver" | "carrier" | "staff";
                            /** @enum {string} */
                            status: "label_created" | "assigned" | "in_transit" | "out_for_delivery" | "delivered" | "failed_attempt" | "returned";
                        }[];
                        /** Format: uuid */
                        order_id: string;
                        /** Format: uuid */
                        patient_id: string;
                        postal_code: string | null;
                        /** Format: uuid */
                        shipment_id: string;
                        /** @enum {string} */
                        status: "label_created" | "assigned" | "in_transit" | "out_for_delivery" | "delivered" | "failed_attempt" | "returned";
                        /** Format: date-time */
                        status_occurred_at: string;
                        /** @description Our fleet's: APO + 11 digits + a Luhn check digit */
                        tracking_number: string;
                        /** Format: date-time */
                        updated_at: string;
                        version: number;
                    };
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
        };
    };
    postDeliveriesByShipmentIdStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example 5b3e9f2a-1c4d-4e6f-8a7b-9c0d1e2f3a4b */
                shipmentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    location: {
                        lat: number;
                        lng: number;
                    };
                    /** @description The carrier's message id: required on signed carrier calls (each is processed once), ignored otherwise */
                    message_id?: string;
                    /**
                     * Format: date-time
                     * @description When it happened (at most 10 minutes ahead of the server clock, else 422 occurred-at-ahead)
                     */
                    occurred_at: string;
                    proof?: {
                        note?: string;
                        photo_sha256?: string;
                        /** @description Who took the parcel (required with status delivered) */
                        recipient_name?: string;
                        signature_svg?: string;
                    };
                    /** @enum {string} */
                    status: "label_created" | "assigned" | "in_transit" | "out_for_delivery" | "delivered" | "failed_attempt" | "returned";
                    /** @description The carrier's tracking number; one that is not the shipment's is a 404 */
                    tracking_number?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        shipment_id: string;
                        /** @enum {string} */
                        status: "label_created" | "assigned" | "in_transit" | "out_for_delivery" | "delivered" | "failed_attempt" | "returned";
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized, invalid-signature */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/invalid-signature" | "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description webhook-replayed, illegal-transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/illegal-transition" | "https://apotheca.dev/problems/webhook-replayed";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
            /** @description proof-required, occurred-at-ahead, message-id-required, message-id-reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 422;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/message-id-required" | "https://apotheca.dev/problems/message-id-reused" | "https://apotheca.dev/problems/occurred-at-ahead" | "https://apotheca.dev/problems/proof-required";
                    };
                };
            };
        };
    };
    putDriversMeAvailability: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    location?: {
                        lat: number;
                        lng: number;
                    };
                    /** @enum {string} */
                    status: "available" | "off_duty";
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        driver_id: string;
                        location: {
                            lat: number;
                            lng: number;
                        } | null;
                        /** @enum {string} */
                        status: "available" | "off_duty";
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
        };
    };
    getDriversMeShipments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        shipments: {
                            /** @description apotheca-fleet for our own drivers */
                            carrier: string;
                            /** Format: date-time */
                            created_at: string;
                            /** @description The centroid of the patient's ZIP code; null when unknown (routed by hand) */
                            destination: {
                                lat: number;
                                lng: number;
                            } | null;
                            driver_id: string | null;
                            estimated_delivery_at: string | null;
                            /** Format: uuid */
                            order_id: string;
                            /** Format: uuid */
                            patient_id: string;
                            postal_code: string | null;
                            /** Format: uuid */
                            shipment_id: string;
                            /** @enum {string} */
                            status: "label_created" | "assigned" | "in_transit" | "out_for_delivery" | "delivered" | "failed_attempt" | "returned";
                            /** Format: date-time */
                            status_occurred_at: string;
                            /** @description Our fleet's: APO + 11 digits + a Luhn check digit */
                            tracking_number: string;
                            /** Format: date-time */
                            updated_at: string;
                            version: number;
                        }[];
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
        };
    };
    getDrugsByDrugId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example c000668e-ed9d-542f-9077-c90cc7c5d14d */
                drugId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active_ingredients: string[];
                        /** @description WHO ATC codes */
                        atc_codes: string[];
                        brand_name: string | null;
                        dea_schedule: ("CI" | "CII" | "CIII" | "CIV" | "CV") | null;
                        description: string | null;
                        dosage_form: string | null;
                        /** Format: uuid */
                        drug_id: string;
                        manufacturer: string | null;
                        name: string;
                        /** @description The package NDC, 11 digits 5-4-2 */
                        ndc_code: string;
                        /** @description The package NDC as the labeler writes it */
                        ndc_package_hyphenated: string | null;
                        nonproprietary_name: string | null;
                        price: {
                            amount: number;
                            /** @constant */
                            currency: "USD";
                        };
                        product_ndc: string | null;
                        route: string | null;
                        rx_only: boolean;
                        /** @description RxNorm concept id of the product */
                        rxcui: string | null;
                        strength: string | null;
                    };
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
        };
    };
    getDrugsByDrugIdEquivalents: {
        parameters: {
            query?: {
                /** @description At most this many drugs (default 20) */
                limit?: number;
                /** @description Drugs skipped before the page (default 0) */
                offset?: number;
            };
            header?: never;
            path: {
                /** @example c000668e-ed9d-542f-9077-c90cc7c5d14d */
                drugId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        drug_id: string;
                        limit: number;
                        offset: number;
                        results: {
                            active_ingredients: string[];
                            /** @description WHO ATC codes */
                            atc_codes: string[];
                            brand_name: string | null;
                            dea_schedule: ("CI" | "CII" | "CIII" | "CIV" | "CV") | null;
                            description: string | null;
                            dosage_form: string | null;
                            /** Format: uuid */
                            drug_id: string;
                            manufacturer: string | null;
                            name: string;
                            /** @description The package NDC, 11 digits 5-4-2 */
                            ndc_code: string;
                            /** @description The package NDC as the labeler writes it */
                            ndc_package_hyphenated: string | null;
                            nonproprietary_name: string | null;
                            price: {
                                amount: number;
                                /** @constant */
                                currency: "USD";
                            };
                            product_ndc: string | null;
                            route: string | null;
                            rx_only: boolean;
                            /** @description RxNorm concept id of the product */
                            rxcui: string | null;
                            strength: string | null;
                        }[];
                        total: number;
                    };
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
        };
    };
    getDrugsSearch: {
        parameters: {
            query?: {
                dea_schedule?: "CI" | "CII" | "CIII" | "CIV" | "CV";
                /** @description e.g. Oral Tablet (case-insensitive) */
                dosage_form?: string;
                /**
                 * @description Active ingredient (salt forms match their base)
                 * @example sertraline
                 */
                ingredient?: string;
                /** @description At most this many drugs (default 20) */
                limit?: number;
                /** @description NDC: 11-digit 5-4-2, 11 digits, any 10-digit form (4-4-2, 5-3-2, 5-4-1, plain), a UPC-A barcode, or a product code (5-4, 4-4, 5-3, 9 or 8 digits) */
                ndc?: string;
                /** @description Drugs skipped before the page (default 0) */
                offset?: number;
                /**
                 * @description Name, generic name, brand or ingredient; ranked, typo-tolerant
                 * @example amoxicillin
                 */
                q?: string;
                /** @description e.g. Oral Pill, Injectable (case-insensitive) */
                route?: string;
                /** @description Prescription-only (true) or over the counter (false) */
                rx_only?: "0" | "1" | "true" | "false";
                /**
                 * @description RxNorm concept id: the products mapped to it, NADAC-priced first, then cheapest, then by NDC
                 * @example 308192
                 */
                rxcui?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        limit: number;
                        offset: number;
                        results: {
                            active_ingredients: string[];
                            /** @description WHO ATC codes */
                            atc_codes: string[];
                            brand_name: string | null;
                            dea_schedule: ("CI" | "CII" | "CIII" | "CIV" | "CV") | null;
                            description: string | null;
                            dosage_form: string | null;
                            /** Format: uuid */
                            drug_id: string;
                            manufacturer: string | null;
                            name: string;
                            /** @description The package NDC, 11 digits 5-4-2 */
                            ndc_code: string;
                            /** @description The package NDC as the labeler writes it */
                            ndc_package_hyphenated: string | null;
                            nonproprietary_name: string | null;
                            price: {
                                amount: number;
                                /** @constant */
                                currency: "USD";
                            };
                            product_ndc: string | null;
                            route: string | null;
                            rx_only: boolean;
                            /** @description RxNorm concept id of the product */
                            rxcui: string | null;
                            strength: string | null;
                        }[];
                        total: number;
                    };
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description search-criterion-required */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 422;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/search-criterion-required";
                    };
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            [key: string]: boolean;
                        };
                        /** @enum {string} */
                        status: "ok" | "unavailable";
                    };
                };
            };
            /** @description Success */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            [key: string]: boolean;
                        };
                        /** @enum {string} */
                        status: "ok" | "unavailable";
                    };
                };
            };
        };
    };
    getHealthLive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
        };
    };
    postInteractionsCheck: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The drugs to check; with patient_id, the candidates */
                    drug_ids: string[];
                    /**
                     * Format: uuid
                     * @description Check the candidates against this patient's active medicines (from prescriptions)
                     */
                    patient_id?: string;
                } | unknown | {
                    drug_ids?: unknown;
                };
            };
        };
        responses: {
            /** @description The pairs found: `{interactions}`, or with patient_id `{patient_id, interactions}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        interactions: {
                            description: string;
                            drug_ids: string[];
                            ingredients: string[];
                            /** @enum {string} */
                            severity: "high" | "moderate" | "low";
                            source: string;
                        }[];
                    } | {
                        interactions: {
                            description: string;
                            drug_ids: string[];
                            /** @description The patient's medicine in the pair (drug_ids[1]), or null for two candidates */
                            existing_drug_id: string | null;
                            /** @description The active prescriptions of that medicine */
                            existing_prescription_ids: string[];
                            ingredients: string[];
                            /** @enum {string} */
                            severity: "high" | "moderate" | "low";
                            source: string;
                        }[];
                        /** Format: uuid */
                        patient_id: string;
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description drugs-not-found, not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/drugs-not-found" | "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
            /** @description dependency-unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 503;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/dependency-unavailable";
                    };
                };
            };
        };
    };
    getInventoryByDrugId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                drugId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        batches: {
                            batch_number: string;
                            /** Format: date */
                            expiry_date: string;
                            /** Format: uuid */
                            location_id: string;
                            quantity_on_hand: number;
                            quantity_reserved: number;
                            /** @enum {string} */
                            status: "available" | "quarantined" | "expired" | "recalled";
                            version: number;
                        }[];
                        /** Format: uuid */
                        drug_id: string;
                        quantity_available: number;
                        quantity_on_hand: number;
                        quantity_reserved: number;
                    };
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
        };
    };
    putInventoryByDrugIdAdjust: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A new unique key per request (a UUID), the same key to retry it
                 * @example 0f8c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b
                 */
                "idempotency-key"?: string;
                /**
                 * @description The batch version this change expects, as the ETag of an earlier answer gave it
                 * @example "3"
                 */
                "if-match"?: string;
            };
            path: {
                drugId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    batch_number: string;
                    /**
                     * Format: date
                     * @description Required when the batch is new (reason received)
                     */
                    expiry_date?: string;
                    /** Format: uuid */
                    location_id?: string;
                    quantity_delta: number;
                    /** @enum {string} */
                    reason: "received" | "dispensed" | "damaged" | "expired" | "returned" | "cycle_count" | "quarantine" | "release" | "recall";
                    /** @description The batch version this change expects (as If-Match) */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Applied: the batch and the drug totals after it */
            200: {
                headers: {
                    /** @description The batch version now, for If-Match */
                    etag?: string;
                    /** @description `true` when this answers an earlier request with the same Idempotency-Key */
                    "idempotent-replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        batch: {
                            batch_number: string;
                            /** Format: date */
                            expiry_date: string;
                            /** Format: uuid */
                            location_id: string;
                            quantity_on_hand: number;
                            quantity_reserved: number;
                            /** @enum {string} */
                            status: "available" | "quarantined" | "expired" | "recalled";
                            version: number;
                        };
                        batch_number: string;
                        /** Format: uuid */
                        drug_id: string;
                        /** Format: uuid */
                        location_id: string;
                        quantity_available: number;
                        quantity_delta: number;
                        quantity_on_hand: number;
                        quantity_reserved: number;
                        /** @enum {string} */
                        reason: "received" | "dispensed" | "damaged" | "expired" | "returned" | "cycle_count" | "quarantine" | "release" | "recall";
                    };
                };
            };
            /** @description A count of a controlled substance, waiting for a second person */
            202: {
                headers: {
                    /** @description `true` when this answers an earlier request with the same Idempotency-Key */
                    "idempotent-replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        adjustment_id: string;
                        batch_number: string;
                        /** Format: uuid */
                        drug_id: string;
                        /**
                         * Format: date
                         * @description Required when the batch is new (reason received)
                         */
                        expiry_date?: string;
                        /** Format: uuid */
                        location_id?: string;
                        quantity_delta: number;
                        /** @enum {string} */
                        reason: "received" | "dispensed" | "damaged" | "expired" | "returned" | "cycle_count" | "quarantine" | "release" | "recall";
                        /** Format: uuid */
                        requested_by: string;
                        /** @constant */
                        status: "pending";
                        /** @description The batch version this change expects (as If-Match) */
                        version?: number;
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found, batch-not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/batch-not-found" | "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description illegal-transition, insufficient-stock, quantity-limit, request-in-progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/illegal-transition" | "https://apotheca.dev/problems/insufficient-stock" | "https://apotheca.dev/problems/quantity-limit" | "https://apotheca.dev/problems/request-in-progress";
                    };
                };
            };
            /** @description version-mismatch */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 412;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/version-mismatch";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
            /** @description unknown-location, invalid-adjustment, expiry-date-mismatch, expiry-date-required, batch-expired, batch-not-expired, idempotency-key-reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 422;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/batch-expired" | "https://apotheca.dev/problems/batch-not-expired" | "https://apotheca.dev/problems/expiry-date-mismatch" | "https://apotheca.dev/problems/expiry-date-required" | "https://apotheca.dev/problems/idempotency-key-reused" | "https://apotheca.dev/problems/invalid-adjustment" | "https://apotheca.dev/problems/unknown-location";
                    };
                };
            };
        };
    };
    postInventoryByDrugIdRecall: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A new unique key per request (a UUID), the same key to retry it
                 * @example 0f8c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b
                 */
                "idempotency-key"?: string;
            };
            path: {
                drugId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    batch_number: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description `true` when this answers an earlier request with the same Idempotency-Key */
                    "idempotent-replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actor_id: string | null;
                        batch_number: string;
                        batches: {
                            batch_number: string;
                            /** Format: date */
                            expiry_date: string;
                            /** Format: uuid */
                            location_id: string;
                            quantity_on_hand: number;
                            quantity_reserved: number;
                            /** @enum {string} */
                            status: "available" | "quarantined" | "expired" | "recalled";
                            version: number;
                        }[];
                        /** Format: uuid */
                        drug_id: string;
                        location_ids: string[];
                        open_orders: {
                            /** Format: uuid */
                            order_id: string;
                            quantity: number;
                            /** Format: uuid */
                            reservation_id: string;
                        }[];
                        quantity_on_hand: number;
                        reason: string;
                        /** Format: uuid */
                        recall_id: string;
                        supplied: {
                            /** Format: uuid */
                            order_id: string;
                            /** Format: uuid */
                            patient_id: string;
                            quantity: number;
                        }[];
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description request-in-progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/request-in-progress";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
            /** @description idempotency-key-reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 422;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/idempotency-key-reused";
                    };
                };
            };
        };
    };
    getInventoryByDrugIdRegister: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                drugId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        balances: {
                            balance: number;
                            /** Format: uuid */
                            location_id: string;
                        }[];
                        dea_schedule: string;
                        /** Format: uuid */
                        drug_id: string;
                        entries: {
                            actor: string | null;
                            /** Format: date-time */
                            at: string;
                            balance_after: number;
                            batch_number: string;
                            /** Format: uuid */
                            location_id: string;
                            quantity_delta: number;
                            reason: string;
                        }[];
                    };
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
        };
    };
    putInventoryByDrugIdReorderPoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                drugId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    location_id?: string;
                    reorder_point: number;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        drug_id: string;
                        /** Format: uuid */
                        location_id: string;
                        reorder_point: number;
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
            /** @description unknown-location */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 422;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unknown-location";
                    };
                };
            };
        };
    };
    postInventoryAdjustmentsByAdjustmentIdConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                adjustmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        adjustment_id: string;
                        batch: {
                            batch_number: string;
                            /** Format: date */
                            expiry_date: string;
                            /** Format: uuid */
                            location_id: string;
                            quantity_on_hand: number;
                            quantity_reserved: number;
                            /** @enum {string} */
                            status: "available" | "quarantined" | "expired" | "recalled";
                            version: number;
                        };
                        batch_number: string;
                        /** Format: uuid */
                        confirmed_by: string;
                        /** Format: uuid */
                        drug_id: string;
                        /** Format: uuid */
                        location_id: string;
                        quantity_available: number;
                        quantity_delta: number;
                        quantity_on_hand: number;
                        quantity_reserved: number;
                        /** @enum {string} */
                        reason: "received" | "dispensed" | "damaged" | "expired" | "returned" | "cycle_count" | "quarantine" | "release" | "recall";
                        /** Format: uuid */
                        requested_by: string;
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role, second-person-required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role" | "https://apotheca.dev/problems/second-person-required";
                    };
                };
            };
            /** @description not-found, batch-not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/batch-not-found" | "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description illegal-transition, insufficient-stock, quantity-limit, already-confirmed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/already-confirmed" | "https://apotheca.dev/problems/illegal-transition" | "https://apotheca.dev/problems/insufficient-stock" | "https://apotheca.dev/problems/quantity-limit";
                    };
                };
            };
            /** @description version-mismatch */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 412;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/version-mismatch";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
            /** @description unknown-location, invalid-adjustment, expiry-date-mismatch, expiry-date-required, batch-expired, batch-not-expired */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 422;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/batch-expired" | "https://apotheca.dev/problems/batch-not-expired" | "https://apotheca.dev/problems/expiry-date-mismatch" | "https://apotheca.dev/problems/expiry-date-required" | "https://apotheca.dev/problems/invalid-adjustment" | "https://apotheca.dev/problems/unknown-location";
                    };
                };
            };
        };
    };
    getInventoryAvailability: {
        parameters: {
            query: {
                drug_ids: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: date-time */
                            as_of: string;
                            /** Format: uuid */
                            drug_id: string;
                            in_stock: boolean;
                            quantity_available: number;
                        }[];
                    };
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
        };
    };
    getOpenApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    postOrdersByOrderIdCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orderId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * @default customer_request
                     * @enum {string}
                     */
                    reason?: "customer_request" | "prescription_issue" | "out_of_stock" | "payment_issue" | "duplicate" | "other";
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        order_id: string;
                        /** @enum {string} */
                        order_status: "pending" | "awaiting_verification" | "paid" | "fulfilling" | "shipped" | "delivered" | "cancelled" | "refunded";
                        /** @enum {string} */
                        payment_status: "pending" | "authorized" | "captured" | "failed" | "voided" | "refunded";
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description illegal-transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/illegal-transition";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
        };
    };
    postOrdersByOrderIdFulfil: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orderId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Fulfilment started: inventory picks the stock, then delivery creates the shipment */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        order_id: string;
                        /** @enum {string} */
                        order_status: "pending" | "awaiting_verification" | "paid" | "fulfilling" | "shipped" | "delivered" | "cancelled" | "refunded";
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role, mfa-required, step-up-required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/mfa-required" | "https://apotheca.dev/problems/no-role" | "https://apotheca.dev/problems/step-up-required";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description illegal-transition, prescription-not-dispensable, out-of-stock */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/illegal-transition" | "https://apotheca.dev/problems/out-of-stock" | "https://apotheca.dev/problems/prescription-not-dispensable";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
        };
    };
    postOrdersByOrderIdRefund: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orderId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * @default customer_request
                     * @enum {string}
                     */
                    reason?: "customer_request" | "returned" | "damaged" | "wrong_item" | "prescription_issue" | "other";
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        order_id: string;
                        /** @enum {string} */
                        order_status: "pending" | "awaiting_verification" | "paid" | "fulfilling" | "shipped" | "delivered" | "cancelled" | "refunded";
                        /** @enum {string} */
                        payment_status: "pending" | "authorized" | "captured" | "failed" | "voided" | "refunded";
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role, mfa-required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/mfa-required" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description illegal-transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/illegal-transition";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
        };
    };
    getOrdersByOrderIdStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        carrier: string | null;
                        confirmation: {
                            /** @constant */
                            algorithm: "Ed25519";
                            /** @description The canonical JSON the signature covers */
                            document: string;
                            /** @description The key of GET /orders/signing-key that verifies it */
                            key_id: string;
                            /** @description Ed25519 over the document, base64url */
                            signature: string;
                            /** Format: date-time */
                            signed_at: string;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        currency: string;
                        estimated_delivery_at: string | null;
                        history: {
                            /** Format: date-time */
                            at: string;
                            from: ("pending" | "awaiting_verification" | "paid" | "fulfilling" | "shipped" | "delivered" | "cancelled" | "refunded") | null;
                            /** @enum {string} */
                            payment_status: "pending" | "authorized" | "captured" | "failed" | "voided" | "refunded";
                            reason: string | null;
                            /** @enum {string} */
                            to: "pending" | "awaiting_verification" | "paid" | "fulfilling" | "shipped" | "delivered" | "cancelled" | "refunded";
                        }[];
                        items: {
                            /** Format: uuid */
                            drug_id: string;
                            /** @description Integer minor units (cents) */
                            line_total: number;
                            name: string;
                            prescription_id: string | null;
                            quantity: number;
                            /** @description Integer minor units (cents) */
                            unit_price: number;
                        }[];
                        /** Format: uuid */
                        order_id: string;
                        /** @enum {string} */
                        order_status: "pending" | "awaiting_verification" | "paid" | "fulfilling" | "shipped" | "delivered" | "cancelled" | "refunded";
                        /** Format: uuid */
                        patient_id: string;
                        /** @enum {string} */
                        payment_status: "pending" | "authorized" | "captured" | "failed" | "voided" | "refunded";
                        /** @description Set once delivery created the shipment (after fulfilment) */
                        shipment_id: string | null;
                        /** @description Integer minor units (cents) */
                        shipping: number;
                        /** @description Integer minor units (cents) */
                        subtotal: number;
                        /** @description Integer minor units (cents) */
                        tax: number;
                        /** @description Integer minor units (cents) */
                        total_amount: number;
                        tracking_number: string | null;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
        };
    };
    getOrdersSigningKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: {
                            /** @constant */
                            alg: "EdDSA";
                            /** @constant */
                            crv: "Ed25519";
                            kid: string;
                            /** @constant */
                            kty: "OKP";
                            /** @constant */
                            use: "sig";
                            x: string;
                        }[];
                    };
                };
            };
        };
    };
    deletePatientsByPatientId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        patient_id: string;
                        /** @constant */
                        status: "erased";
                    };
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role, mfa-required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/mfa-required" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
        };
    };
    getPatientsByPatientIdAllergies: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        allergies: {
                            /** Format: uuid */
                            allergy_id: string;
                            categories: string[];
                            code: string | null;
                            criticality: ("low" | "high" | "unable-to-assess") | null;
                            matches: {
                                atc_prefixes: string[];
                                ingredients: string[];
                            };
                            /** @description null: a FHIR patient reference that is not one of ours */
                            patient_id: string | null;
                            /** Format: date-time */
                            recorded_at: string;
                            recorded_by: string;
                            /** @enum {string} */
                            source: "fhir" | "manual";
                            /** @enum {string} */
                            status: "active" | "inactive" | "resolved" | "refuted" | "entered-in-error";
                            substance: string;
                            system: string | null;
                        }[];
                        /** Format: uuid */
                        patient_id: string;
                    };
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
        };
    };
    postPatientsByPatientIdAllergies: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body answer the first result; another body with it is a 422 */
                "idempotency-key"?: string;
            };
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Its code in system (SNOMED CT, RxNorm…), when known */
                    code?: string;
                    /** @enum {string} */
                    criticality?: "low" | "high" | "unable-to-assess";
                    /** @description The substance or class as said: "penicillin", "sulfa drugs", "Allergy to fish" */
                    substance: string;
                    system?: string;
                };
            };
        };
        responses: {
            /** @description Recorded; reviews of new prescriptions check it */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        allergy_id: string;
                        categories: string[];
                        code: string | null;
                        criticality: ("low" | "high" | "unable-to-assess") | null;
                        matches: {
                            atc_prefixes: string[];
                            ingredients: string[];
                        };
                        /** @description null: a FHIR patient reference that is not one of ours */
                        patient_id: string | null;
                        /** Format: date-time */
                        recorded_at: string;
                        recorded_by: string;
                        /** @enum {string} */
                        source: "fhir" | "manual";
                        /** @enum {string} */
                        status: "active" | "inactive" | "resolved" | "refuted" | "entered-in-error";
                        substance: string;
                        system: string | null;
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description request-in-progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/request-in-progress";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
            /** @description idempotency-key-reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 422;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/idempotency-key-reused";
                    };
                };
            };
        };
    };
    getPatientsByPatientIdConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        consent: {
                            data_sharing: boolean;
                            email: boolean;
                            marketing: boolean;
                            sms: boolean;
                        };
                        history: {
                            /** Format: date-time */
                            changed_at: string;
                            changed_by: string;
                            consent: {
                                data_sharing: boolean;
                                email: boolean;
                                marketing: boolean;
                                sms: boolean;
                            };
                        }[];
                        /** Format: uuid */
                        patient_id: string;
                    };
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role, mfa-required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/mfa-required" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
        };
    };
    putPatientsByPatientIdConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data_sharing?: boolean;
                    email?: boolean;
                    marketing?: boolean;
                    sms?: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        consent: {
                            data_sharing: boolean;
                            email: boolean;
                            marketing: boolean;
                            sms: boolean;
                        };
                        history: {
                            /** Format: date-time */
                            changed_at: string;
                            changed_by: string;
                            consent: {
                                data_sharing: boolean;
                                email: boolean;
                                marketing: boolean;
                                sms: boolean;
                            };
                        }[];
                        /** Format: uuid */
                        patient_id: string;
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
        };
    };
    getPatientsByPatientIdExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        entry: {
                            fullUrl: string;
                            resource: {
                                /** Format: uuid */
                                id: string;
                                /** @constant */
                                resourceType: "Patient";
                            } & {
                                [key: string]: unknown;
                            };
                        }[];
                        /** @constant */
                        resourceType: "Bundle";
                        /** Format: date-time */
                        timestamp: string;
                        /** @constant */
                        type: "collection";
                    };
                    "application/json": {
                        account: {
                            /** Format: date-time */
                            created_at: string;
                            mfa_enabled: boolean;
                            /** @constant */
                            role: "patient";
                            /** @constant */
                            status: "active";
                        };
                        address: {
                            city: string;
                            country: string;
                            line1: string;
                            line2: string | null;
                            postal_code: string;
                            state: string;
                        };
                        consent: {
                            email: boolean;
                            sms: boolean;
                        };
                        /** Format: date */
                        date_of_birth: string;
                        email: string;
                        /** Format: date-time */
                        exported_at: string;
                        name: string;
                        /** Format: uuid */
                        patient_id: string;
                        phone: string;
                    };
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role, mfa-required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/mfa-required" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
        };
    };
    getPatientsByPatientIdPrescriptions: {
        parameters: {
            query?: {
                /** @description At most this many, newest first (default 50) */
                limit?: number;
                /** @description Skipped before the page (default 0) */
                offset?: number;
                /** @description Only prescriptions in this status */
                status?: "received" | "validating" | "in_review" | "verified" | "rejected" | "cancelled" | "expired" | "inactive";
            };
            header?: never;
            path: {
                patientId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        limit: number;
                        offset: number;
                        prescriptions: {
                            /** @enum {string} */
                            channel: "structured" | "fhir" | "ncpdp" | "upload";
                            /** Format: date-time */
                            created_at: string;
                            days_supply: number | null;
                            dosage: string | null;
                            /** @description null: no catalog drug yet (an upload, an uncoded e-prescription) */
                            drug_id: string | null;
                            drug_resolution: ("drug_id" | "ndc" | "rxcui") | null;
                            expiry_date: string | null;
                            findings: {
                                /** @description prescriber_npi_invalid, interaction, duplicate_therapy, allergy, quantity_limit… */
                                code: string;
                                message: string;
                                /** @description The prescriptions, drugs or allergies it is about */
                                related?: string[];
                                /** @enum {string} */
                                severity: "blocking" | "high" | "moderate" | "low" | "info";
                            }[];
                            history: {
                                /** Format: date-time */
                                at: string;
                                from: ("received" | "validating" | "in_review" | "verified" | "rejected" | "cancelled" | "expired" | "inactive") | null;
                                reason: string | null;
                                /** @enum {string} */
                                to: "received" | "validating" | "in_review" | "verified" | "rejected" | "cancelled" | "expired" | "inactive";
                            }[];
                            issue_date: string | null;
                            override_reason: ("prescriber_consulted" | "patient_consulted" | "benefit_outweighs_risk" | "previously_tolerated" | "dose_verified" | "therapy_change_intended") | null;
                            /** @description null: an e-prescription not matched to a patient of ours yet */
                            patient_id: string | null;
                            prescriber_id: string | null;
                            /** Format: uuid */
                            prescription_id: string;
                            quantity: number | null;
                            refill_count: number;
                            refills_remaining: number;
                            reviewed_at: string | null;
                            /** @enum {string} */
                            status: "received" | "validating" | "in_review" | "verified" | "rejected" | "cancelled" | "expired" | "inactive";
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        total: number;
                    };
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
        };
    };
    postPatientsRegister: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body answer the first result (Idempotent-Replayed: true) */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description In the US (country US in either case), state is a USPS code and postal_code a 5- or 9-digit ZIP code
                     * @example {
                     *       "line1": "350 Fifth Avenue",
                     *       "line2": "Suite 3300",
                     *       "city": "New York",
                     *       "state": "NY",
                     *       "postal_code": "10118",
                     *       "country": "US"
                     *     }
                     */
                    address: {
                        city: string;
                        country: string;
                        line1: string;
                        line2?: string | null;
                        postal_code: string;
                        state: string;
                    } | {
                        country?: unknown;
                        postal_code?: unknown;
                        state?: unknown;
                    } | {
                        country?: unknown;
                    };
                    consent?: {
                        email?: boolean;
                        sms?: boolean;
                    };
                    /**
                     * Format: date
                     * @description A date in the past, less than 130 years ago
                     * @example 1985-12-10
                     */
                    date_of_birth: string & unknown;
                    /**
                     * Format: email
                     * @example ada@example.com
                     */
                    email: string;
                    /** @example Ada Lovelace */
                    name: string;
                    /**
                     * @description 12 to 128 characters, at least 4 different ones, and not one of the common passwords attackers try first (in any case)
                     * @example Correct-Horse-Battery-9
                     */
                    password: string;
                    /**
                     * @description E.164: +, a country code, at most 15 digits in all
                     * @example +12125550123
                     */
                    phone: string;
                };
            };
        };
        responses: {
            /** @description Registered; the patient signs in with the e-mail and password */
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key */
                    "idempotent-replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        patient_id: string;
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description email-taken, request-in-progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/email-taken" | "https://apotheca.dev/problems/request-in-progress";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
            /** @description idempotency-key-reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 422;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/idempotency-key-reused";
                    };
                };
            };
        };
    };
    getPrescriptionsByPrescriptionId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                prescriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        channel: "structured" | "fhir" | "ncpdp" | "upload";
                        /** Format: date-time */
                        created_at: string;
                        days_supply: number | null;
                        dosage: string | null;
                        /** @description null: no catalog drug yet (an upload, an uncoded e-prescription) */
                        drug_id: string | null;
                        drug_resolution: ("drug_id" | "ndc" | "rxcui") | null;
                        expiry_date: string | null;
                        findings: {
                            /** @description prescriber_npi_invalid, interaction, duplicate_therapy, allergy, quantity_limit… */
                            code: string;
                            message: string;
                            /** @description The prescriptions, drugs or allergies it is about */
                            related?: string[];
                            /** @enum {string} */
                            severity: "blocking" | "high" | "moderate" | "low" | "info";
                        }[];
                        history: {
                            /** Format: date-time */
                            at: string;
                            from: ("received" | "validating" | "in_review" | "verified" | "rejected" | "cancelled" | "expired" | "inactive") | null;
                            reason: string | null;
                            /** @enum {string} */
                            to: "received" | "validating" | "in_review" | "verified" | "rejected" | "cancelled" | "expired" | "inactive";
                        }[];
                        issue_date: string | null;
                        override_reason: ("prescriber_consulted" | "patient_consulted" | "benefit_outweighs_risk" | "previously_tolerated" | "dose_verified" | "therapy_change_intended") | null;
                        /** @description null: an e-prescription not matched to a patient of ours yet */
                        patient_id: string | null;
                        prescriber_id: string | null;
                        /** Format: uuid */
                        prescription_id: string;
                        quantity: number | null;
                        refill_count: number;
                        refills_remaining: number;
                        reviewed_at: string | null;
                        /** @enum {string} */
                        status: "received" | "validating" | "in_review" | "verified" | "rejected" | "cancelled" | "expired" | "inactive";
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
        };
    };
    getPrescriptionsByPrescriptionIdDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                prescriptionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes as uploaded, as an attachment */
            200: {
                headers: {
                    /** @description attachment */
                    "content-disposition": string;
                    /** @description Hex SHA-256 of the bytes */
                    "x-content-sha256": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "image/jpeg": string;
                    "image/png": string;
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
        };
    };
    postPrescriptionsByPrescriptionIdTranscribe: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                prescriptionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Days the quantity lasts (too-early refills, dose limits) */
                    days_supply?: number;
                    /** @description Directions for use (the sig) */
                    dosage: string;
                    /**
                     * Format: uuid
                     * @description A drug of the catalog (GET /drugs/search); an unknown one is a 422
                     */
                    drug_id: string;
                    /**
                     * Format: date
                     * @description After issue_date, at most 12 months later (6 for schedules III-V); default the longest allowed (else 422)
                     */
                    expiry_date?: string;
                    /**
                     * Format: date
                     * @description Not in the future (422)
                     */
                    issue_date: string;
                    /**
                     * Format: uuid
                     * @description Pharmacy staff name the prescriber; a practitioner is the prescriber (others naming one: 403)
                     */
                    prescriber_id?: string;
                    quantity: number;
                    /** @description Refills allowed; the drug’s DEA schedule may allow fewer (422) */
                    refill_count: number;
                };
            };
        };
        responses: {
            /** @description Transcribed: received again, and reviewed again before the pharmacist decides */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        prescription_id: string;
                        /** @enum {string} */
                        status: "received" | "validating" | "in_review" | "verified" | "rejected" | "cancelled" | "expired" | "inactive";
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role, mfa-required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/mfa-required" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description illegal-transition, drug-unconfirmed, concurrent-change */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/concurrent-change" | "https://apotheca.dev/problems/drug-unconfirmed" | "https://apotheca.dev/problems/illegal-transition";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
            /** @description unknown-drug, invalid-prescription */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 422;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/invalid-prescription" | "https://apotheca.dev/problems/unknown-drug";
                    };
                };
            };
        };
    };
    postPrescriptionsByPrescriptionIdVerify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                prescriptionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    decision: "approve";
                    /**
                     * @description Approving over a finding of the automated review (above info) needs one of these codes (else 422)
                     * @enum {string}
                     */
                    override_reason?: "prescriber_consulted" | "patient_consulted" | "benefit_outweighs_risk" | "previously_tolerated" | "dose_verified" | "therapy_change_intended";
                    reason?: string;
                } | {
                    /** @constant */
                    decision: "reject";
                    /** @description Why (required to reject) */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        prescription_id: string;
                        /** @description Ed25519 over the signed form (base64url); GET /prescriptions/signing-keys */
                        signature?: string;
                        signing_key_id?: string;
                        /** @enum {string} */
                        status: "verified" | "rejected";
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role, mfa-required, step-up-required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/mfa-required" | "https://apotheca.dev/problems/no-role" | "https://apotheca.dev/problems/step-up-required";
                    };
                };
            };
            /** @description not-found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 404;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/not-found";
                    };
                };
            };
            /** @description illegal-transition, drug-unconfirmed, prescription-incomplete, concurrent-change */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/concurrent-change" | "https://apotheca.dev/problems/drug-unconfirmed" | "https://apotheca.dev/problems/illegal-transition" | "https://apotheca.dev/problems/prescription-incomplete";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
            /** @description invalid-prescription, override-required */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 422;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/invalid-prescription" | "https://apotheca.dev/problems/override-required";
                    };
                };
            };
        };
    };
    getPrescriptionsQueue: {
        parameters: {
            query?: {
                /** @description At most this many (default 50) */
                limit?: number;
                /** @description Skipped before the page (default 0) */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        prescriptions: {
                            /** @enum {string} */
                            channel: "structured" | "fhir" | "ncpdp" | "upload";
                            /** Format: date-time */
                            created_at: string;
                            days_supply: number | null;
                            dea_schedule: ("CI" | "CII" | "CIII" | "CIV" | "CV") | null;
                            dosage: string | null;
                            drug_confirmed: boolean;
                            /** @description null: no catalog drug yet (an upload, an uncoded e-prescription) */
                            drug_id: string | null;
                            drug_resolution: ("drug_id" | "ndc" | "rxcui") | null;
                            expiry_date: string | null;
                            findings: {
                                /** @description prescriber_npi_invalid, interaction, duplicate_therapy, allergy, quantity_limit… */
                                code: string;
                                message: string;
                                /** @description The prescriptions, drugs or allergies it is about */
                                related?: string[];
                                /** @enum {string} */
                                severity: "blocking" | "high" | "moderate" | "low" | "info";
                            }[];
                            history: {
                                /** Format: date-time */
                                at: string;
                                from: ("received" | "validating" | "in_review" | "verified" | "rejected" | "cancelled" | "expired" | "inactive") | null;
                                reason: string | null;
                                /** @enum {string} */
                                to: "received" | "validating" | "in_review" | "verified" | "rejected" | "cancelled" | "expired" | "inactive";
                            }[];
                            issue_date: string | null;
                            override_reason: ("prescriber_consulted" | "patient_consulted" | "benefit_outweighs_risk" | "previously_tolerated" | "dose_verified" | "therapy_change_intended") | null;
                            /** @description null: an e-prescription not matched to a patient of ours yet */
                            patient_id: string | null;
                            prescriber_id: string | null;
                            /** Format: uuid */
                            prescription_id: string;
                            quantity: number | null;
                            refill_count: number;
                            refills_remaining: number;
                            review_notes: string[];
                            reviewed_at: string | null;
                            source: {
                                drug_text: string | null;
                                fhir_id: string | null;
                                message_id: string | null;
                                ndc: string | null;
                                prescriber_npi: string | null;
                                rxnorm: string | null;
                            };
                            /** @enum {string} */
                            status: "received" | "validating" | "in_review" | "verified" | "rejected" | "cancelled" | "expired" | "inactive";
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        total: number;
                    };
                };
            };
            /** @description validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
        };
    };
    getPrescriptionsSigningKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: {
                            algorithm: string;
                            /** Format: date-time */
                            created_at: string;
                            key_id: string;
                            /** @description SPKI PEM */
                            public_key: string;
                            retired_at: string | null;
                        }[];
                    };
                };
            };
        };
    };
    postPrescriptionsSubmit: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body answer the first result; another body with it is a 422 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/fhir+json": unknown;
                "application/json": {
                    /** @description Days the quantity lasts (too-early refills, dose limits) */
                    days_supply?: number;
                    /** @description Directions for use (the sig) */
                    dosage: string;
                    /**
                     * Format: uuid
                     * @description A drug of the catalog (GET /drugs/search); an unknown one is a 422
                     */
                    drug_id: string;
                    /**
                     * Format: date
                     * @description After issue_date, at most 12 months later (6 for schedules III-V); default the longest allowed (else 422)
                     */
                    expiry_date?: string;
                    /**
                     * Format: date
                     * @description Not in the future (422)
                     */
                    issue_date: string;
                    /** Format: uuid */
                    patient_id: string;
                    /**
                     * Format: uuid
                     * @description Pharmacy staff name the prescriber; a practitioner is the prescriber (others naming one: 403)
                     */
                    prescriber_id?: string;
                    quantity: number;
                    /** @description Refills allowed; the drug’s DEA schedule may allow fewer (422) */
                    refill_count: number;
                };
                "application/pdf": string;
                "application/xml": string;
                "image/jpeg": string;
                "image/png": string;
                "text/xml": string;
            };
        };
        responses: {
            /** @description A resent NCPDP NewRx (duplicate: its prescription), or what a CancelRx or renewal/change response did */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description The same NCPDP message was taken before: this is its prescription
                         * @constant
                         */
                        duplicate?: true;
                        /** @description What could not be resolved (patient, drug, missing fields) */
                        notes?: string[];
                        /** Format: uuid */
                        prescription_id: string;
                        /** @enum {string} */
                        status: "received" | "validating" | "in_review" | "verified" | "rejected" | "cancelled" | "expired" | "inactive";
                    } | {
                        /**
                         * @description This MessageID was taken before: its first outcome
                         * @constant
                         */
                        duplicate?: true;
                        message_id: string;
                        /** @constant */
                        needs_review?: true;
                        /**
                         * Format: uuid
                         * @description The prescription an approved renewal or change created
                         */
                        new_prescription_id?: string;
                        /** @description cancelled, renewed, changed, denied, cancel refused…, unmatched…, ambiguous… */
                        outcome: string;
                        /** @description The prescription it concerns, when matched */
                        prescription_id: string | null;
                        /** @enum {string} */
                        transaction: "CancelRx" | "RxRenewalResponse" | "RxChangeResponse";
                    };
                };
            };
            /** @description Taken in: reviewed next (validation, drug utilisation review), then in the pharmacist’s queue */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description The same NCPDP message was taken before: this is its prescription
                         * @constant
                         */
                        duplicate?: true;
                        /** @description What could not be resolved (patient, drug, missing fields) */
                        notes?: string[];
                        /** Format: uuid */
                        prescription_id: string;
                        /** @enum {string} */
                        status: "received" | "validating" | "in_review" | "verified" | "rejected" | "cancelled" | "expired" | "inactive";
                    } | {
                        /**
                         * @description As its bytes show
                         * @enum {string}
                         */
                        content_type: "application/pdf" | "image/jpeg" | "image/png";
                        /** Format: uuid */
                        prescription_id: string;
                        sha256: string;
                        size_bytes: number;
                        /** @enum {string} */
                        status: "received" | "validating" | "in_review" | "verified" | "rejected" | "cancelled" | "expired" | "inactive";
                    } | {
                        /** Format: uuid */
                        allergy_id: string;
                        categories: string[];
                        code: string | null;
                        criticality: ("low" | "high" | "unable-to-assess") | null;
                        matches: {
                            atc_prefixes: string[];
                            ingredients: string[];
                        };
                        /** @description null: a FHIR patient reference that is not one of ours */
                        patient_id: string | null;
                        /** Format: date-time */
                        recorded_at: string;
                        recorded_by: string;
                        /** @enum {string} */
                        source: "fhir" | "manual";
                        /** @enum {string} */
                        status: "active" | "inactive" | "resolved" | "refuted" | "entered-in-error";
                        substance: string;
                        system: string | null;
                    } | {
                        allergies: {
                            /** Format: uuid */
                            allergy_id: string;
                            categories: string[];
                            code: string | null;
                            criticality: ("low" | "high" | "unable-to-assess") | null;
                            matches: {
                                atc_prefixes: string[];
                                ingredients: string[];
                            };
                            /** @description null: a FHIR patient reference that is not one of ours */
                            patient_id: string | null;
                            /** Format: date-time */
                            recorded_at: string;
                            recorded_by: string;
                            /** @enum {string} */
                            source: "fhir" | "manual";
                            /** @enum {string} */
                            status: "active" | "inactive" | "resolved" | "refuted" | "entered-in-error";
                            substance: string;
                            system: string | null;
                        }[];
                        prescriptions: {
                            /**
                             * @description The same NCPDP message was taken before: this is its prescription
                             * @constant
                             */
                            duplicate?: true;
                            /** @description What could not be resolved (patient, drug, missing fields) */
                            notes?: string[];
                            /** Format: uuid */
                            prescription_id: string;
                            /** @enum {string} */
                            status: "received" | "validating" | "in_review" | "verified" | "rejected" | "cancelled" | "expired" | "inactive";
                        }[];
                    };
                };
            };
            /** @description An NCPDP message kept for a pharmacist: it matches no prescription of ours, or several, or its answer is ambiguous */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description This MessageID was taken before: its first outcome
                         * @constant
                         */
                        duplicate?: true;
                        message_id: string;
                        /** @constant */
                        needs_review?: true;
                        /**
                         * Format: uuid
                         * @description The prescription an approved renewal or change created
                         */
                        new_prescription_id?: string;
                        /** @description cancelled, renewed, changed, denied, cancel refused…, unmatched…, ambiguous… */
                        outcome: string;
                        /** @description The prescription it concerns, when matched */
                        prescription_id: string | null;
                        /** @enum {string} */
                        transaction: "CancelRx" | "RxRenewalResponse" | "RxChangeResponse";
                    };
                };
            };
            /** @description validation, malformed-json, malformed-eprescription, invalid-upload */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/invalid-upload" | "https://apotheca.dev/problems/malformed-eprescription" | "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized, invalid-signature */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/invalid-signature" | "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description webhook-replayed, request-in-progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/request-in-progress" | "https://apotheca.dev/problems/webhook-replayed";
                    };
                };
            };
            /** @description body-too-large, upload-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large" | "https://apotheca.dev/problems/upload-too-large";
                    };
                };
            };
            /** @description unsupported-media-type, unsupported-upload */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type" | "https://apotheca.dev/problems/unsupported-upload";
                    };
                };
            };
            /** @description unknown-drug, invalid-prescription, unsupported-eprescription, idempotency-key-reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 422;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/idempotency-key-reused" | "https://apotheca.dev/problems/invalid-prescription" | "https://apotheca.dev/problems/unknown-drug" | "https://apotheca.dev/problems/unsupported-eprescription";
                    };
                };
            };
        };
    };
    postPrescriptionsUploads: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body answer the first result; another body with it is a 422 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Standard base64 of the file (at most 955732 characters); its type is read from its first bytes: anything but a PDF, PNG or JPEG is a 415 */
                    content_base64: string;
                    /** @description The type the client claims: application/pdf, image/png or image/jpeg, as the content is (else 415) */
                    content_type?: string;
                    /** Format: uuid */
                    patient_id: string;
                } | {
                    content_base64?: unknown;
                    /** @constant */
                    content_type?: "application/pdf";
                } | {
                    content_base64?: unknown;
                    /** @constant */
                    content_type?: "image/jpeg";
                } | {
                    content_base64?: unknown;
                    /** @constant */
                    content_type?: "image/png";
                };
            };
        };
        responses: {
            /** @description Stored with its SHA-256; the prescription waits in review for a pharmacist to transcribe it */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description As its bytes show
                         * @enum {string}
                         */
                        content_type: "application/pdf" | "image/jpeg" | "image/png";
                        /** Format: uuid */
                        prescription_id: string;
                        sha256: string;
                        size_bytes: number;
                        /** @enum {string} */
                        status: "received" | "validating" | "in_review" | "verified" | "rejected" | "cancelled" | "expired" | "inactive";
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description request-in-progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/request-in-progress";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type, unsupported-upload */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type" | "https://apotheca.dev/problems/unsupported-upload";
                    };
                };
            };
            /** @description idempotency-key-reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 422;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/idempotency-key-reused";
                    };
                };
            };
        };
    };
    postStaff: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and body answer the first result (Idempotent-Replayed: true) */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: dea-number
                     * @description DEA registration number: registrant type letter, a letter or 9, seven digits, the last a DEA check digit
                     * @example AB1234563
                     */
                    dea_number?: string;
                    /**
                     * Format: email
                     * @example ada@example.com
                     */
                    email: string;
                    /** @example NY */
                    licence_state?: string;
                    /** @example Ada Lovelace */
                    name: string;
                    /**
                     * Format: npi
                     * @description National Provider Identifier: 10 digits, the last a Luhn check digit over 80840 and the first nine
                     * @example 1245319599
                     */
                    npi?: string;
                    /**
                     * @description 12 to 128 characters, at least 4 different ones, and not one of the common passwords attackers try first (in any case)
                     * @example Correct-Horse-Battery-9
                     */
                    password: string;
                    /** @enum {string} */
                    role: "practitioner" | "pharmacist" | "technician" | "driver" | "admin" | "auditor";
                } | {
                    /** @constant */
                    role?: "practitioner";
                } | {
                    dea_number?: never;
                    licence_state?: never;
                    npi?: never;
                    /** @enum {unknown} */
                    role?: "pharmacist" | "technician" | "driver" | "admin" | "auditor";
                };
            };
        };
        responses: {
            /** @description Created; the new account signs in with the e-mail and password (and enrols a second factor where its role needs one) */
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key */
                    "idempotent-replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        account_id: string;
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unauthorized";
                    };
                };
            };
            /** @description forbidden, no-role, mfa-required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 403;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/forbidden" | "https://apotheca.dev/problems/mfa-required" | "https://apotheca.dev/problems/no-role";
                    };
                };
            };
            /** @description email-taken, npi-taken, request-in-progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/email-taken" | "https://apotheca.dev/problems/npi-taken" | "https://apotheca.dev/problems/request-in-progress";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
            /** @description idempotency-key-reused */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 422;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/idempotency-key-reused";
                    };
                };
            };
        };
    };
    postWebhooksEpcsStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The network’s id of this message: a redelivery of one is answered duplicate */
                    message_id: string;
                    /** Format: date-time */
                    occurred_at?: string;
                    /** @description Ours (a uuid) or the network’s own reference */
                    prescription_id: string;
                    reason?: string;
                    /** @description sent, accepted, cancelled (cancels the prescription while legal), error… */
                    status: string;
                };
            };
        };
        responses: {
            /** @description Recorded for a prescription of ours, or a message_id received before (duplicate) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message_id: string;
                        outcome: string;
                        prescription_known: boolean;
                        /** @constant */
                        status: "accepted";
                    } | {
                        /** @constant */
                        duplicate: true;
                        message_id: string;
                        /** @constant */
                        status: "accepted";
                    };
                };
            };
            /** @description Recorded, for a prescription we do not know (yet): the network does not promise order */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message_id: string;
                        outcome: string;
                        prescription_known: boolean;
                        /** @constant */
                        status: "accepted";
                    } | {
                        /** @constant */
                        duplicate: true;
                        message_id: string;
                        /** @constant */
                        status: "accepted";
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description invalid-signature */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/invalid-signature";
                    };
                };
            };
            /** @description webhook-replayed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/webhook-replayed";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
        };
    };
    postWebhooksPayments: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`; wrong or older than 5 minutes: 401 */
                "stripe-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        object: {
                            [key: string]: unknown;
                        };
                    } & {
                        [key: string]: unknown;
                    };
                    id: string;
                    type: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        event_id: string;
                        /**
                         * @description applied; stale (older than what we know, nothing changed); ignored (an event we do not act on); unknown_intent (no intent of ours, nothing changed); duplicate (this event was processed before)
                         * @enum {string}
                         */
                        outcome: "applied" | "stale" | "ignored" | "unknown_intent" | "duplicate";
                        /** @constant */
                        received: true;
                    };
                };
            };
            /** @description validation, malformed-json */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 400;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/malformed-json" | "https://apotheca.dev/problems/validation";
                    };
                };
            };
            /** @description invalid-signature */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 401;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/invalid-signature";
                    };
                };
            };
            /** @description webhook-replayed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 409;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/webhook-replayed";
                    };
                };
            };
            /** @description body-too-large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 413;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/body-too-large";
                    };
                };
            };
            /** @description unsupported-media-type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": {
                        detail?: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance?: string;
                        /** @constant */
                        status: 415;
                        title: string;
                        /** @enum {string} */
                        type: "https://apotheca.dev/problems/unsupported-media-type";
                    };
                };
            };
        };
    };
}
