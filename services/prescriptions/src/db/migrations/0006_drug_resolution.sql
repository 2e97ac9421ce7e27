-- How a prescription's drug was found in the catalog: named by id (a prescriber, a transcribing
-- pharmacist), by the NDC of a product, or by an RxNorm concept (the catalog's product for it).
-- Null while no drug is resolved. Prescriptions taken before this column existed stay null.
ALTER TABLE prescriptions.prescriptions ADD COLUMN drug_resolution text CHECK (drug_resolution IN ('drug_id', 'ndc', 'rxcui'));
