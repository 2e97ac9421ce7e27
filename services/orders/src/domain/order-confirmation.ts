/** What an order's confirmation says, and what its signature covers: everything the patient agreed to pay for. */
export function confirmationDocument(
  o: {
    order_id: string
    patient_id: string
    currency: string
    subtotal: number
    shipping: number
    tax: number
    total_amount: number
    payment_intent_id: string | null
  },
  items: Array<{ drug_id: string; name: string; quantity: number; prescription_id: string | null; unit_price: number; line_total: number }>,
  confirmedAt: string,
) {
  return {
    order_id: o.order_id,
    patient_id: o.patient_id,
    items: items.map((i) => ({
      drug_id: i.drug_id,
      name: i.name,
      quantity: i.quantity,
      prescription_id: i.prescription_id,
      unit_price: i.unit_price,
      line_total: i.line_total,
    })),
    subtotal: o.subtotal,
    shipping: o.shipping,
    tax: o.tax,
    total_amount: o.total_amount,
    currency: o.currency,
    payment_intent_id: o.payment_intent_id,
    confirmed_at: confirmedAt,
  }
}
