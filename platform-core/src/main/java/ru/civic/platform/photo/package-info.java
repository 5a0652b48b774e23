/**
 * Photos attached to messages and answers: checks them against the tenant's rules, re-encodes them without any
 * metadata, makes thumbnails and stores them under tenant-scoped keys. Entry point: {@link ru.civic.platform.photo.PhotoService}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Photos", allowedDependencies = {"tenancy", "shared"})
package ru.civic.platform.photo;
