extension PaymentMatcher {
    /// How sure each rule is. Ordered so a person reviews everything below `reviewBelow`.
    public enum Confidence {
        /// Invoices named and the amount is exactly what they owe.
        public static let referenceExact = 98
        /// Invoices named but the amount is more or less than they owe (partial or over-payment).
        public static let referencePartial = 85
        /// Taken off a reference match when invoices of other customers were also named and ignored.
        public static let otherCustomersNamedPenalty = 15
        /// A customer's payment reference, and the money fits in that customer's open invoices.
        public static let customerReferenceSettled = 85
        /// A customer's payment reference, but part of the money is left as credit.
        public static let customerReferenceWithCredit = 70
        /// The identified customer has exactly one open invoice of this amount.
        public static let exactAmount = 90
        /// The identified customer has several open invoices of this amount; the oldest is taken.
        public static let exactAmountAmongEqual = 75
        /// Several open invoices of the identified customer add up to the amount.
        public static let combination = 80
        /// Taken off exactAmount/combination/customerOnly when only the name identified the customer.
        public static let identifiedByNamePenalty = 5
        /// Customer known, no amount fits: allocated oldest first for a person to confirm.
        public static let customerOnly = 40
        /// No customer identified, but one invoice in the ledger owes exactly this and the text shares a name word.
        public static let amountAndNameWord = 60
        /// Matches below this should be confirmed by a person (`PaymentMatch.needsReview`).
        public static let reviewBelow = 80
    }

    /// Bounds that keep matching precise and each line cheap.
    public enum Limits {
        /// A reference with letters needs this many letters and digits ("F12" yes, "A1" no).
        public static let minimumReferenceLength = 3
        /// A digits-only invoice number needs this many digits, or it would be found inside amounts and dates.
        public static let minimumNumericReferenceLength = 4
        /// Payment references at least this long may be printed in any grouping ("RF18 5390 0754…").
        public static let freelyGroupedReferenceLength = 8
        /// A reference spans at most this many text tokens.
        public static let maximumReferenceTokens = 8
        /// Tax ids shorter than this (in letters and digits) are not looked for in text.
        public static let minimumTaxIDLength = 6
        /// Bank accounts shorter than this (in letters and digits) are not indexed.
        public static let minimumAccountLength = 5
        /// Words of a name considered for "one name contains the other".
        public static let maximumNameWords = 12
        /// Only a customer's oldest open invoices are combined to explain an amount.
        public static let maximumCombinationInvoices = 30
        /// Nodes the combination search may visit for one line before giving up (well under 1 ms).
        public static let combinationSearchBudget = 100_000
    }
}
