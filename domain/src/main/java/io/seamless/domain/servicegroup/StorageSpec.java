package io.seamless.domain.servicegroup;

/** The volume of each unit of a stateful service: storage class (null = the cluster's default) and size. */
public record StorageSpec(String storageClass, String size) {
}
