/**
 * The application the integration tests serve: resource classes compiled with the Portcullis
 * annotation processor, as an application's are, so that each has its generated filter beside
 * it.
 */
package dev.portcullis.testapp;
