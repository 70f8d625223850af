package cn.gannan.hpf.rooms.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code cn.gannan.hpf.rooms} (default in the feature). */
@ObjectClassDefinition(name = "HPF rooms module")
public @interface RoomsConfig {

    String PID = "cn.gannan.hpf.rooms";

    @AttributeDefinition(description = "Largest photo in bytes (JPEG, PNG, GIF, WebP); 1 KiB to 10 MiB")
    int maxPhotoBytes() default 1024 * 1024;

    @AttributeDefinition(description = "Most photos per room or inspection; 1 to 100")
    int maxPhotosPerOwner() default 12;
}
