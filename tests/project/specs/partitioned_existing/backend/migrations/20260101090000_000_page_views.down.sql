DROP TABLE page_views;
DROP TABLE users;
