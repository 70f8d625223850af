package cn.gannan.hpf.counter.api.rules;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.Test;

import cn.gannan.hpf.counter.api.rules.PaymentRules.Cap;
import cn.gannan.hpf.counter.api.rules.PaymentRules.Code;
import cn.gannan.hpf.counter.api.rules.PaymentRules.Violation;

public class PaymentRulesTest {

    private static BigDecimal y(String s) {
        return new BigDecimal(s);
    }

    private static List<Code> codes(List<Violation> v) {
        return v.stream().map(Violation::code).toList();
    }

    @Test
    public void purchaseUpToPricePaidAndBalance() {
        assertTrue(PaymentRules.check(Cap.PRICE_PAID, y("100000"), y("120000.50"), y("100000")).isEmpty());
        assertTrue(PaymentRules.check(Cap.PRICE_PAID, y("100000.00"), y("100000.00"), y("300000")).isEmpty());
        List<Violation> v = PaymentRules.check(Cap.PRICE_PAID, y("100000.01"), y("120000"), y("100000"));
        assertEquals(List.of(Code.ABOVE_BASIS), codes(v));
        assertEquals(y("100000"), v.get(0).limit());
        assertEquals(List.of(Code.ABOVE_BALANCE), codes(PaymentRules.check(Cap.PRICE_PAID, y("90000"), y("89999.99"), y("100000"))));
        assertEquals(List.of(Code.ABOVE_BALANCE, Code.ABOVE_BASIS),
                codes(PaymentRules.check(Cap.PRICE_PAID, y("200000"), y("120000"), y("100000"))));
        assertEquals(List.of(Code.BASIS_MISSING), codes(PaymentRules.check(Cap.PRICE_PAID, y("1"), y("10"), null)));
    }

    @Test
    public void balanceOnlyTypes() {
        assertTrue(PaymentRules.check(Cap.BALANCE, y("5000"), y("5000"), null).isEmpty());
        assertEquals(List.of(Code.ABOVE_BALANCE), codes(PaymentRules.check(Cap.BALANCE, y("5000.01"), y("5000"), null)));
        assertEquals(List.of(Code.BALANCE_MISSING), codes(PaymentRules.check(Cap.BALANCE, y("1"), null, null)));
    }

    @Test
    public void badAmounts() {
        assertEquals(List.of(Code.AMOUNT_NOT_POSITIVE), codes(PaymentRules.check(Cap.BALANCE, y("0"), y("10"), null)));
        assertEquals(List.of(Code.AMOUNT_NOT_POSITIVE), codes(PaymentRules.check(Cap.BALANCE, y("-1"), y("10"), null)));
        assertEquals(List.of(Code.AMOUNT_NOT_POSITIVE), codes(PaymentRules.check(Cap.BALANCE, null, y("10"), null)));
        assertEquals(List.of(Code.AMOUNT_SCALE), codes(PaymentRules.check(Cap.BALANCE, y("1.001"), y("10"), null)));
        assertTrue(PaymentRules.check(Cap.BALANCE, y("1.100"), y("10"), null).isEmpty());
        assertEquals(List.of(Code.NO_PAYMENT_FOR_TYPE), codes(PaymentRules.check(Cap.NONE, y("1"), y("10"), null)));
        assertEquals(List.of(Code.NO_PAYMENT_FOR_TYPE), codes(PaymentRules.check(null, y("1"), y("10"), null)));
    }

    @Test
    public void maximum() {
        assertEquals(y("100000"), PaymentRules.maximum(Cap.PRICE_PAID, y("120000"), y("100000")));
        assertEquals(y("80000"), PaymentRules.maximum(Cap.LOAN_OUTSTANDING, y("80000"), y("100000")));
        assertEquals(y("80000"), PaymentRules.maximum(Cap.BALANCE, y("80000"), null));
        assertNull(PaymentRules.maximum(Cap.RENT_PAID, y("80000"), null));
        assertEquals(BigDecimal.ZERO, PaymentRules.maximum(Cap.NONE, y("1"), y("1")));
    }
}
