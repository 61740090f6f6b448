<%@ page session="false" contentType="text/plain; charset=UTF-8" pageEncoding="UTF-8" isErrorPage="true" %>internal error
