package ru.civic.platform.message.web;

import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import ru.civic.platform.message.ModeratorAids;
import ru.civic.platform.photo.PhotoService;

/** Moderator aids of one message (staff only), and stored photos. */
@RestController
class AidsApiController {

    private final ModeratorAids aids;
    private final PhotoService photos;

    AidsApiController(ModeratorAids aids, PhotoService photos) {
        this.aids = aids;
        this.photos = photos;
    }

    @GetMapping("/api/v1/messages/{number}/aids")
    ModeratorAids.Aids aids(@PathVariable String number) {
        return aids.forMessage(number);
    }

    /** Keys are random and tenant-prefixed; the photo service refuses another tenant's keys. */
    @GetMapping("/api/v1/photos/{*key}")
    ResponseEntity<byte[]> photo(@PathVariable String key) {
        String k = key.startsWith("/") ? key.substring(1) : key;
        Optional<byte[]> bytes = photos.read(k);
        return bytes.map(b -> ResponseEntity.ok()
                        .contentType(k.endsWith(".png") ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG)
                        .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(30)).cachePublic()).body(b))
                .orElse(ResponseEntity.notFound().build());
    }
}
