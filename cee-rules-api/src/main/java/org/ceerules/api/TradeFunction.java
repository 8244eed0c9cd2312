package org.ceerules.api;

/**
 * The post-release trade functions the CEE processing procedures name. A decision holds one
 * route per function, in the order of this enum.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public enum TradeFunction {
    /** Cargo release: holds, examinations, agriculture inspections. */
    CARGO_RELEASE,
    /** Entry summary validation and review, including "documents required". */
    ENTRY_SUMMARY_REVIEW,
    /** Request for Information, CBP Form 28. */
    REQUEST_FOR_INFORMATION,
    /** Notice of Action, CBP Form 29. */
    NOTICE_OF_ACTION,
    /** Rejection of an entry summary. */
    SUMMARY_REJECTION,
    /** Cancellation of an entry summary. */
    CANCELLATION,
    /** Resolution of a Census reject. */
    CENSUS_REJECT,
    /** Revenue collection: payments, statements, cashier copies, PSC and PEA payments. */
    PAYMENT,
    /** Liquidated damages and discrepancies in the monies presented. */
    LIQUIDATED_DAMAGES,
    /** Liquidation of the entry. */
    LIQUIDATION,
    /** Post-summary correction. */
    POST_SUMMARY_CORRECTION,
    /** Post-entry amendment. */
    POST_ENTRY_AMENDMENT,
    /** Post-importation claim under 19 U.S.C. 1520(d). */
    POST_IMPORTATION_CLAIM,
    /** Request for internal advice. */
    INTERNAL_ADVICE,
    /** Protest, CBP Form 19. */
    PROTEST,
    /** Application for further review of a protest, or a request to void its denial. */
    FURTHER_REVIEW,
    /** Prior disclosure of a violation. */
    PRIOR_DISCLOSURE,
    /** Enforcement: detentions, seizures, penalties, petitions, fines, penalties and forfeitures. */
    ENFORCEMENT,
    /** Drawback claims. */
    DRAWBACK,
    /** Reconciliation entries. */
    RECONCILIATION
}
