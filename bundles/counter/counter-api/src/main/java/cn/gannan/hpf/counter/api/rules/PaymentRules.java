package cn.gannan.hpf.counter.api.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Caps on a withdrawal payment: never more than the account balance, and never more than the
 * basis of the business type (for a purchase: the price already paid; for a loan repayment: the
 * outstanding principal; for rent: the rent paid). Amounts are yuan with at most two decimals.
 */
public final class PaymentRules {

    /** What caps the payment of a business type. */
    public enum Cap {
        /** No payment for this business (registration, enquiry, loan application …). */
        NONE,
        /** At most the account balance (retirement, leaving). */
        BALANCE,
        /** At most the price already paid (purchase). */
        PRICE_PAID,
        /** At most the outstanding loan principal. */
        LOAN_OUTSTANDING,
        /** At most the rent paid. */
        RENT_PAID
    }

    /** One broken rule; {@code limit} is the number it was compared with (null when none). */
    public record Violation(Code code, BigDecimal limit) {
    }

    public enum Code {
        NO_PAYMENT_FOR_TYPE,
        AMOUNT_NOT_POSITIVE,
        AMOUNT_SCALE,
        BALANCE_MISSING,
        ABOVE_BALANCE,
        BASIS_MISSING,
        ABOVE_BASIS
    }

    private PaymentRules() {
    }

    /** Every broken rule, empty when the payment is allowed. */
    public static List<Violation> check(Cap cap, BigDecimal amount, BigDecimal balance, BigDecimal basis) {
        List<Violation> v = new ArrayList<>();
        if (cap == null || cap == Cap.NONE) {
            v.add(new Violation(Code.NO_PAYMENT_FOR_TYPE, null));
            return v;
        }
        if (amount == null || amount.signum() <= 0) {
            v.add(new Violation(Code.AMOUNT_NOT_POSITIVE, BigDecimal.ZERO));
            return v;
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            v.add(new Violation(Code.AMOUNT_SCALE, null));
        }
        if (balance == null) {
            v.add(new Violation(Code.BALANCE_MISSING, null));
        } else if (amount.compareTo(balance) > 0) {
            v.add(new Violation(Code.ABOVE_BALANCE, balance));
        }
        if (cap != Cap.BALANCE) {
            if (basis == null) {
                v.add(new Violation(Code.BASIS_MISSING, null));
            } else if (amount.compareTo(basis) > 0) {
                v.add(new Violation(Code.ABOVE_BASIS, basis));
            }
        }
        return v;
    }

    /** The most that may be paid, or null when unknown. */
    public static BigDecimal maximum(Cap cap, BigDecimal balance, BigDecimal basis) {
        if (cap == null || cap == Cap.NONE || balance == null) {
            return cap == Cap.NONE ? BigDecimal.ZERO : null;
        }
        if (cap == Cap.BALANCE) {
            return balance;
        }
        return basis == null ? null : balance.min(basis);
    }
}
