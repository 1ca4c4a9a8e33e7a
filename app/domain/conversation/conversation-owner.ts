/**
 * A conversation started by a signed customer stays theirs; an anonymous one may be continued after
 * signing in. A different customer — or nobody, after a customer used it — gets a new conversation.
 */
export function conversationBelongsTo(row: { customerId: string | null }, customerId: string | null): boolean {
  return !row.customerId || row.customerId === customerId;
}
