package ru.civic.admin.shell;

import java.util.function.Function;

import com.vaadin.flow.component.upload.UploadI18N;

/** The upload component's own texts from the back-office bundle: Vaadin's defaults are English. */
public final class UploadTexts {

    private UploadTexts() {
    }

    /** @param translate the view's {@code getTranslation} */
    public static UploadI18N of(Function<String, String> translate) {
        var i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles()
                .setOne(translate.apply("admin.upload.addOne")).setMany(translate.apply("admin.upload.addMany")));
        i18n.setDropFiles(new UploadI18N.DropFiles()
                .setOne(translate.apply("admin.upload.drop")).setMany(translate.apply("admin.upload.drop")));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(translate.apply("admin.upload.tooMany"))
                .setFileIsTooBig(translate.apply("admin.upload.tooBig"))
                .setIncorrectFileType(translate.apply("admin.upload.wrongType")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(translate.apply("admin.upload.connecting"))
                        .setProcessing(translate.apply("admin.upload.processing"))
                        .setHeld(translate.apply("admin.upload.held")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(translate.apply("admin.upload.serverError"))
                        .setUnexpectedServerError(translate.apply("admin.upload.serverError"))
                        .setForbidden(translate.apply("admin.upload.serverError"))));
        return i18n;
    }
}
