package cn.gannan.hpf.core.api;

import java.time.LocalDate;

/** A member of staff. */
public record Person(String id, String officeCode, String name, Gender gender, LocalDate birthDate,
        String staffNo, String phone, String jobTitle, PoliticalStatus politicalStatus, boolean active,
        RecordMeta meta) {
}
