package cn.gannan.hpf.rooms.ui.internal;

import cn.gannan.hpf.shell.api.Contribution;

/** The module's texts for the shell: this bundle's Messages. */
interface RoomsContribution extends Contribution {

    String BASE_NAME = "cn.gannan.hpf.rooms.ui.internal.Messages";

    @Override
    default String messagesBaseName() {
        return BASE_NAME;
    }
}
