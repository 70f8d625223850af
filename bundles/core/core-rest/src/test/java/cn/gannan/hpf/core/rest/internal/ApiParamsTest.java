package cn.gannan.hpf.core.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Instant;
import java.util.Locale;

import org.junit.Test;

import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.PoliticalStatus;
import cn.gannan.hpf.core.rest.ApiParams;

public class ApiParamsTest {

    private static HpfException refused(Runnable r) {
        try {
            r.run();
        } catch (HpfException e) {
            assertEquals(400, e.httpStatus());
            return e;
        }
        fail("expected a 400");
        return null;
    }

    @Test
    public void badValuesAre400NamingTheParameter() {
        assertEquals("Query parameter limit has an invalid value: \"abc\".",
                refused(() -> ApiParams.page("0", "abc")).localized(Locale.ENGLISH));
        assertTrue(refused(() -> ApiParams.optionalEnum("status", "MEMBER", PoliticalStatus.class))
                .localized(Locale.ENGLISH).contains("FULL_MEMBER, PARTY_PROBATION, PROBATIONARY_MEMBER"));
        assertTrue(refused(() -> ApiParams.page("0", "501")).localized(Locale.ENGLISH).contains("between 1 and 500"));
        refused(() -> ApiParams.page("-1", null));
        refused(() -> ApiParams.optionalBoolean("active", "yes"));
        refused(() -> ApiParams.optionalInstant("from", "yesterday", false));
        assertEquals("缺少查询参数 version。", refused(() -> ApiParams.requiredLong("version", " ")).localized(cn.gannan.hpf.core.api.Msg.ZH_CN));
        refused(() -> ApiParams.body(null));
    }

    @Test
    public void goodValues() {
        assertEquals(new PageRequest(0, 50), ApiParams.page(null, ""));
        assertEquals(PoliticalStatus.MASSES, ApiParams.optionalEnum("status", "MASSES", PoliticalStatus.class));
        assertNull(ApiParams.optionalBoolean("active", null));
        assertEquals(7L, ApiParams.requiredLong("version", " 7 "));
        assertEquals(Instant.parse("2025-02-28T16:00:00Z"), ApiParams.optionalInstant("from", "2025-03-01", false));
        assertEquals(Instant.parse("2025-03-01T16:00:00Z"), ApiParams.optionalInstant("to", "2025-03-01", true));
        assertEquals(Instant.parse("2025-03-01T08:00:00Z"), ApiParams.optionalInstant("to", "2025-03-01T08:00:00Z", true));
    }
}
