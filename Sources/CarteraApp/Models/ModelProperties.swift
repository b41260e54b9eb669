import FluentKit

// Fluent finds a model's properties by reflection on every row it reads or writes: that was the largest
// single cost of an API read (a third of a page of invoices). The models read most list them here, in
// declaration order; `ModelPropertiesTests` checks each list against reflection, so a field added to a
// model and forgotten here fails the suite instead of going unsaved.

extension Invoice {
    public var properties: [any AnyProperty] {
        [
            $id, $organisationID, $customer, $number, $issueDate, $dueDate, $paymentTerms, $currency, $totalMinor,
            $settledMinor,
            $balanceMinor, $status, $externalReference, $notes, $announcedInMessageID, $createdAt, $updatedAt, $lines,
        ]
    }
}

extension InvoiceLine {
    public var properties: [any AnyProperty] {
        [$id, $invoice, $position, $description, $quantityMilli, $unitPriceMinor, $amountMinor]
    }
}

extension Customer {
    public var properties: [any AnyProperty] {
        [
            $id, $organisationID, $legalName, $taxID, $paymentTerms, $currency, $creditLimitMinor, $language, $notes,
            $tags,
            $collectionPolicyID, $doNotContact, $reminderKindsOff, $assignedUserID, $creditHoldReason, $creditHoldSince,
            $escalatedTo, $escalatedOn, $paymentReference, $bankAccounts, $externalCode,
            $addressLine, $city, $region, $postalCode, $country, $jurisdiction, $timeZone,
            $searchName, $searchTaxID,
            $createdAt, $updatedAt, $contacts,
        ]
    }
}

extension Organisation {
    public var properties: [any AnyProperty] {
        [
            $id, $name, $defaultCurrency, $locale, $timeZone, $reminderKindsOff, $summaryFrequency, $workingWeekdays,
            $holidays,
            $paymentInstructions, $replyToEmail, $senderName, $senderEmail, $reminderHour, $collectionsStart,
            $bankAccounts,
            $creditHoldDaysOverdue, $referenceRates, $lateFeePolicyName,
            $lateFeeMinor,
            $lateInterestBasisPoints, $legalMaximumBasisPoints, $portalPromiseMaxDays, $portalPromiseMinimumBasisPoints,
            $taxID, $addressLine, $city, $region, $postalCode, $country, $phone, $email, $signerName, $signerTitle,
            $statementStaleDays, $statementStaleMode, $pausedUntil, $outgoingDigest, $digestKinds,
            $createdAt, $updatedAt,
        ]
    }
}

extension User {
    public var properties: [any AnyProperty] {
        [
            $id, $organisationID, $email, $name, $passwordHash, $role, $language, $disabledAt, $outgoingDigest,
            $createdAt,
        ]
    }
}

extension Payment {
    public var properties: [any AnyProperty] {
        [
            $id, $organisationID, $customer, $receivedOn, $currency, $amountMinor, $allocatedMinor, $method, $reference,
            $notes,
            $reversedOn, $reversalReason, $thankedInMessageID, $createdAt, $updatedAt,
        ]
    }
}

extension Allocation {
    public var properties: [any AnyProperty] {
        [
            $id, $organisationID, $invoice, $kind, $payment, $creditNote, $amountMinor, $earnedByPaymentID, $appliedOn,
            $createdAt,
        ]
    }
}

extension Contact {
    public var properties: [any AnyProperty] {
        [$id, $customer, $name, $role, $email, $phone, $createdAt, $updatedAt]
    }
}
