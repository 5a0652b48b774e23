package ru.civic.platform.photo;

/**
 * One uploaded file as the client sent it. The name is only used to name the file in problems: the format is
 * recognised from the content.
 *
 * @param fileName the client's file name (may be empty)
 * @param content  the bytes; not copied, because a photo may be tens of megabytes
 */
public record PhotoUpload(String fileName, byte[] content) {

    public PhotoUpload {
        fileName = fileName == null ? "" : fileName;
        content = content == null ? new byte[0] : content;
    }

    @Override
    public String toString() {
        return "PhotoUpload[" + fileName + ", " + content.length + " bytes]";
    }
}
