package cn.gannan.hpf.counter.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Rule settings of the counter (pid {@code cn.gannan.hpf.counter}); defaults ship in the feature. */
@ObjectClassDefinition(name = "HPF counter rules")
@interface CounterConfig {

    @AttributeDefinition(description = "Warn when at most this many working days are left before the promised due date")
    int warnWorkingDays() default 1;

    @AttributeDefinition(description = "A rating at or below this score is bad and opens a rectification item")
    int badRatingMax() default 2;

    @AttributeDefinition(description = "Working days to call back and fix after a bad rating")
    int rectificationWorkingDays() default 5;
}
