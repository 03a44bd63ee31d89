package org.bridgeline.store;

import org.bridgeline.api.model.Money;

/**
 * One kind of finding of an audit run in one currency, summed in the store.
 *
 * @param kind        the finding kind
 * @param findings    how many findings
 * @param monthly     their monthly impact
 * @param annual      their annual impact
 * @param recoverable the credits they say the carrier owes
 */
public record FindingTotal(String kind, long findings, Money monthly, Money annual, Money recoverable) {
}
