package ru.civic.platform.message.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import ru.civic.platform.account.Account;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.Author;
import ru.civic.platform.message.FieldProblem;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.MessageLookup;
import ru.civic.platform.message.MessageView;
import ru.civic.platform.message.Receipt;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.message.Supporter;
import ru.civic.platform.message.Supports;
import ru.civic.platform.photo.PhotoUpload;

/**
 * Intake and lookup of messages for mobile apps and external channels (Volgograd 3: intake also from mobile
 * applications; Tynda 1.3: messages from the federal platform). Documented at {@code /v3/api-docs}.
 */
@RestController
@RequestMapping("/api/v1/messages")
class MessageApiController {

    /** The guest's random id: one support per guest and message. Issued by the server, HttpOnly. */
    static final String GUEST_COOKIE = "civic_guest";

    private final MessageIntake intake;
    private final MessageLookup lookup;
    private final Supports supports;
    private final Actors actors;

    MessageApiController(MessageIntake intake, MessageLookup lookup, Supports supports, Actors actors) {
        this.intake = intake;
        this.lookup = lookup;
        this.supports = supports;
        this.actors = actors;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<Receipt> submit(@RequestBody SubmitRequest request) {
        List<PhotoUpload> photos = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        List<SubmitRequest.PhotoData> data = request.photos() == null ? List.of() : request.photos();
        for (int i = 0; i < data.size(); i++) {
            try {
                photos.add(new PhotoUpload(data.get(i).fileName(), Base64.getDecoder().decode(data.get(i).contentBase64())));
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(FieldProblem.of("photos[" + i + "]", "photo.base64"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return receive(request, photos);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<Receipt> submitWithFiles(@RequestPart("message") SubmitRequest request,
            @RequestPart(name = "photos", required = false) List<MultipartFile> files) {
        List<PhotoUpload> photos = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            try {
                photos.add(new PhotoUpload(file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return receive(request, photos);
    }

    private ResponseEntity<Receipt> receive(SubmitRequest request, List<PhotoUpload> photos) {
        Actor actor = actors.current().orElseThrow(
                () -> new org.springframework.security.access.AccessDeniedException("no account"));
        Author author;
        Message.Channel channel;
        if (actor.accountId() == null) {
            SubmitRequest.AuthorData a = request.author();
            author = a == null ? new Author(null, null, null, null) : new Author(null, a.name(), a.email(), a.phone());
            channel = Message.Channel.API;
        } else {
            Account account = actors.currentAccount().orElseThrow();
            author = new Author(account.getId(), account.getDisplayName(), account.getEmail(), null);
            channel = Message.Channel.API;
        }
        SubmitMessage submission = new SubmitMessage(request.kind(), request.text(), request.categoryId(),
                request.place(), request.occurredAt(), Boolean.TRUE.equals(request.publicityConfirmed()), photos,
                request.externalId(), request.correctionOf());
        Receipt receipt;
        try {
            receipt = intake.submit(submission, author, channel);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            if (submission.externalId() == null) {
                throw e;
            }
            // The same external id sent twice at once: the twin won; answer with its receipt.
            receipt = intake.submit(submission, author, channel);
        }
        return ResponseEntity.status(receipt.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/messages/" + receipt.number()))
                .body(receipt);
    }

    @GetMapping("/{number}")
    MessageView view(@PathVariable String number) {
        return lookup.view(number, actors.current());
    }

    @GetMapping
    List<MessageView> published(@RequestParam(defaultValue = "50") int limit) {
        return lookup.published(Math.max(1, Math.min(limit, 200)));
    }

    @GetMapping("/mine")
    @PreAuthorize("isAuthenticated()")
    List<MessageView> mine() {
        return actors.current().map(lookup::mine).orElse(List.of());
    }

    @PostMapping("/{number}/supports")
    Supports.Outcome support(@PathVariable String number, HttpServletRequest request, HttpServletResponse response) {
        Optional<Actor> actor = actors.current();
        Supporter supporter;
        if (actor.isPresent() && actor.get().accountId() != null) {
            supporter = Supporter.account(actor.get().accountId());
        } else {
            supporter = Supporter.guest(guestId(request, response));
        }
        return supports.support(number, supporter);
    }

    private static UUID guestId(HttpServletRequest request, HttpServletResponse response) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (GUEST_COOKIE.equals(cookie.getName())) {
                    try {
                        return UUID.fromString(cookie.getValue());
                    } catch (IllegalArgumentException ignored) {
                        // a malformed cookie is replaced below
                    }
                }
            }
        }
        UUID id = UUID.randomUUID();
        Cookie cookie = new Cookie(GUEST_COOKIE, id.toString());
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setAttribute("SameSite", "Lax");
        cookie.setSecure(request.isSecure());
        response.addCookie(cookie);
        return id;
    }
}
