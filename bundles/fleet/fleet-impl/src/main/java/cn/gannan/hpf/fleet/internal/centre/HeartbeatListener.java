package cn.gannan.hpf.fleet.internal.centre;

import java.sql.SQLException;

import cn.gannan.hpf.core.api.spi.Tx;
import cn.gannan.hpf.fleet.api.Heartbeat;

/** Told of every heartbeat inside the transaction that stores it (the rollouts advance on them). */
public interface HeartbeatListener {

    void heartbeat(Tx tx, String officeCode, Heartbeat heartbeat) throws SQLException;
}
