package ru.civic.platform.message.web;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import ru.civic.platform.message.Attachments;

/** Officials upload a photo or scan first, then name its key in an action's {@code attachments}. */
@RestController
class AttachmentApiController {

    private final Attachments attachments;

    AttachmentApiController(Attachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping(value = "/api/v1/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Attachments.Attachment> upload(@RequestPart("file") MultipartFile file) throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED).body(attachments.store(file.getOriginalFilename(),
                file.getBytes()));
    }

    @GetMapping("/api/v1/attachments/{*key}")
    ResponseEntity<byte[]> download(@PathVariable String key) {
        String k = key.startsWith("/") ? key.substring(1) : key;
        return attachments.read(k)
                .map(b -> ResponseEntity.ok().contentType(MediaType.parseMediaType(Attachments.contentType(k))).body(b))
                .orElse(ResponseEntity.notFound().build());
    }
}
