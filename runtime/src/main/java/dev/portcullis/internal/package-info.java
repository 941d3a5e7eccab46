/**
 * Implementation of the Portcullis runtime. Not an API: types here change without notice;
 * applications use {@link dev.portcullis.PortcullisFeature} and {@link
 * dev.portcullis.PortcullisConfig}.
 */
package dev.portcullis.internal;
