package cn.gannan.hpf.counter.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

import cn.gannan.hpf.core.api.Caller;
import cn.gannan.hpf.core.api.PageRequest;
import cn.gannan.hpf.core.api.Role;
import cn.gannan.hpf.core.internal.person.PersonServiceImpl;
import cn.gannan.hpf.counter.api.ApplicationStatus;
import cn.gannan.hpf.counter.api.Records.ApplicationQuery;

public class DemoDataTest {

    @Test
    public void demoDataSpreadsOverTheNineOfficesOnceOnly() {
        CounterTestNode n = new CounterTestNode(null, true);
        PersonServiceImpl people = new PersonServiceImpl(n.db, n.migrations, n.offices);
        new CounterDemoData(n.offices, n.db, people, n.catalog, n.queue, n.applications, n.ratings);
        new CounterDemoData(n.offices, n.db, people, n.catalog, n.queue, n.applications, n.ratings); // idempotent
        Caller central = CounterTestNode.of("GN00", Role.CENTRAL_ADMIN);
        assertEquals(45, n.applications.find(central, ApplicationQuery.all(), PageRequest.first(1)).total());
        assertEquals(9, n.applications.find(central, new ApplicationQuery(null, null, null, ApplicationStatus.CLOSED, null, false),
                PageRequest.first(1)).total());
        assertEquals(1, n.applications.overdue(CounterTestNode.of("GN01", Role.LEADER), null).size());
        assertEquals(1, n.ratings.rectifications(central, null, true).size());
        assertEquals(3, n.catalog.windows(central, "GN05").size());
        assertEquals(cn.gannan.hpf.counter.api.TicketStatus.CALLED, n.queue.hallBoard("GN01").windows().get(2).status());
    }
}
