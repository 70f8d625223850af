package cn.gannan.hpf.talks.internal.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import javax.servlet.http.HttpServletRequest;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import cn.gannan.hpf.core.api.AccessDeniedException;
import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.HpfException;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.rest.ApiCallers;
import cn.gannan.hpf.talks.api.Talk;
import cn.gannan.hpf.talks.internal.TalksTestAccess;

/**
 * The JSON API's answers, serialized as the API serializes them: a summary never reaches a caller
 * who is not entitled, neither in a list nor in a single talk.
 */
public class TalksResourceTest {

    private static final String SECRET = "绝密谈话摘要ABC";
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private TalksTestAccess n;
    private TalksResource resource;

    @Before
    public void setUp() {
        n = new TalksTestAccess();
        resource = new TalksResource(n.talks());
    }

    private static HttpServletRequest request(Caller c) {
        HttpServletRequest r = mock(HttpServletRequest.class);
        when(r.getAttribute(ApiCallers.CALLER_ATTRIBUTE)).thenReturn(c);
        return r;
    }

    @Test
    public void summaryOnlyForTheEntitled() throws Exception {
        Caller recorder = n.login("r.sec", n.secretary(), Role.BRANCH_SECRETARY);
        Caller target = n.login("r.target", n.staffA(), Role.STAFF);
        Caller bystander = n.login("r.other", n.staffC(), Role.STAFF);
        Caller admin = n.login("r.admin", null, Role.OFFICE_ADMIN);
        Talk t = n.talks().create(recorder, n.oneOnOne(SECRET));

        String forTarget = json.writeValueAsString(resource.get(request(target), t.id()));
        assertTrue(forTarget.contains(SECRET));
        for (Caller c : new Caller[] { bystander, admin }) {
            String one = json.writeValueAsString(resource.get(request(c), t.id()));
            assertFalse(one.contains(SECRET));
            assertTrue(one.contains("\"contentVisible\":false"));
            assertTrue(one.contains("\"summary\":null"));
            String list = json.writeValueAsString(resource.list(request(c), null, "2026", null, null, null, null, null, null, null));
            assertTrue(list.contains(t.id()));
            assertFalse(list.contains(SECRET));
        }
        // lists never carry a summary, not even for the entitled
        String listForTarget = json.writeValueAsString(resource.list(request(target), null, null, null, null, null, null,
                null, null, null));
        assertFalse(listForTarget.contains(SECRET));
        assertFalse(listForTarget.contains("summary"));
    }

    @Test
    public void badParametersAreRefusedNotIgnored() {
        Caller c = n.login("r.sec2", n.secretary(), Role.BRANCH_SECRETARY);
        assertThrows(HpfException.class, () -> resource.list(request(c), null, "twenty", null, null, null, null, null, null, null));
        assertThrows(HpfException.class, () -> resource.list(request(c), null, null, null, null, "DONE", null, null, null, null));
        assertThrows(AccessDeniedException.class,
                () -> resource.list(request(c), "GN02", null, null, null, null, null, null, null, null));
        assertEquals(0, resource.list(request(c), null, null, null, null, null, null, null, "0", "10").total());
    }
}
