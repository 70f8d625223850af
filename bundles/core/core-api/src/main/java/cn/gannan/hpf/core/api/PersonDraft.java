package cn.gannan.hpf.core.api;

import java.time.LocalDate;

/**
 * What a person enters to create or change a staff record. The political status is set on
 * creation; later changes go through {@link PersonService#changeStatus} so they keep a history.
 */
public record PersonDraft(String officeCode, String name, Gender gender, LocalDate birthDate, String staffNo,
        String phone, String jobTitle, PoliticalStatus politicalStatus) {
}
